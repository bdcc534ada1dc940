namespace Tuner.Core.Costs;

/// <summary>A price file that cannot be read; the message names the file and every bad line.</summary>
public sealed class PriceCatalogueException(string message) : Exception(message);
