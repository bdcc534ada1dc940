// TorchSharp's thread count is process-wide and the machine is small: run test classes one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
