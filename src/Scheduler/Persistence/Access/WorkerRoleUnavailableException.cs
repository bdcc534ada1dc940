namespace Tuner.Persistence.Access;

/// <summary>The schema owner cannot make the worker role (it may not create roles); the message says what to do.</summary>
public sealed class WorkerRoleUnavailableException(string message) : Exception(message);
