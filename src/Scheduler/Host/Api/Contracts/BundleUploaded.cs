namespace Tuner.Scheduler.Api.Contracts;

/// <summary>An uploaded plugin bundle: what a definition's <c>workload.bundle</c> names it by, and its size.</summary>
public sealed record BundleUploaded(string Bundle, long SizeBytes);
