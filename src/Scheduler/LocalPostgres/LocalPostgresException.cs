namespace Tuner.LocalPostgres;

/// <summary>The private PostgreSQL cluster could not be started or used; the message says what to change.</summary>
public sealed class LocalPostgresException(string message, Exception? innerException = null)
    : Exception(message, innerException);
