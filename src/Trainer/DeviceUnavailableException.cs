namespace Tuner.Trainer;

/// <summary>The training device asked for (TUNER_DEVICE) cannot be used by this build on this machine; the message says why and what to do.</summary>
public sealed class DeviceUnavailableException(string message) : Exception(message);
