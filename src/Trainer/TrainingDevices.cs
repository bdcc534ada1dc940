using static TorchSharp.torch;

namespace Tuner.Trainer;

/// <summary>Checks, before any training, that the device a process was told to train on exists here.</summary>
public static class TrainingDevices
{
    /// <summary>
    /// Returns when <paramref name="device"/> ("cpu", "cuda" or "cuda:N") can be used; throws
    /// <see cref="DeviceUnavailableException"/> when this build has no CUDA backend, no GPU is visible, or N is out of range.
    /// </summary>
    public static void EnsureAvailable(string device)
    {
        if (device == "cpu") return;
        if (!cuda.is_available())
        {
            throw new DeviceUnavailableException(
                $"TUNER_DEVICE={device} asks for a CUDA GPU, but this tuner has no usable CUDA device (it is built with the CPU backend, " +
                "or no GPU and driver are visible); build it with -p:TorchBackend=cuda on a machine with an NVIDIA GPU " +
                "(as docker/worker-cuda.Dockerfile does), or unset TUNER_DEVICE to train on the CPU");
        }

        var count = cuda.device_count();
        if (device.Split(':') is [_, var index] && int.Parse(index, System.Globalization.CultureInfo.InvariantCulture) >= count)
        {
            throw new DeviceUnavailableException(
                $"TUNER_DEVICE={device} names GPU {index}, but only {count} CUDA device(s) are visible (cuda:0 to cuda:{count - 1}); " +
                "choose one of those or set TUNER_DEVICE=cuda");
        }
    }
}
