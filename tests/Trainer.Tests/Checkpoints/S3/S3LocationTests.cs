using Tuner.Trainer.Checkpoints.S3;

namespace Tuner.Trainer.Tests.Checkpoints.S3;

public sealed class S3LocationTests
{
    [Theory]
    [InlineData("s3://tuner-checkpoints/runs/a", "tuner-checkpoints", "runs/a")]
    [InlineData("s3://tuner-checkpoints/runs/a/", "tuner-checkpoints", "runs/a")]
    [InlineData("s3://tuner-checkpoints", "tuner-checkpoints", "")]
    [InlineData("s3://tuner-checkpoints/", "tuner-checkpoints", "")]
    [InlineData("s3://my.bucket_1/x", "my.bucket_1", "x")]
    public void Parse_SplitsBucketAndPrefix(string uri, string bucket, string prefix)
    {
        Assert.Equal(new S3Location(bucket, prefix), S3Location.Parse(uri));
    }

    [Theory]
    [InlineData("s3://tuner-checkpoints/runs/a")]
    [InlineData("s3://tuner-checkpoints")]
    public void ToString_GivesBackTheUri(string uri)
    {
        Assert.Equal(uri, S3Location.Parse(uri).ToString());
    }

    [Theory]
    [InlineData("http://tuner-checkpoints/runs", "must start with 's3://'")]
    [InlineData("tuner-checkpoints/runs", "must start with 's3://'")]
    [InlineData("s3://", "bucket=''")]
    [InlineData("s3://Tuner/runs", "bucket='Tuner'")]
    [InlineData("s3://ab/runs", "bucket='ab'")]
    [InlineData("s3://tuner-checkpoints//runs", "prefix='/runs'")]
    [InlineData("s3://tuner-checkpoints/runs/../other", "prefix='runs/../other'")]
    public void Parse_NamesTheValueAndTheRule_WhenUriIsInvalid(string uri, string expected)
    {
        var error = Assert.Throws<FormatException>(() => S3Location.Parse(uri));

        Assert.Contains(expected, error.Message);
        Assert.Contains($"uri='{uri}'", error.Message);
    }

    [Fact]
    public void ObjectKeyOf_PutsKeyUnderPrefix()
    {
        Assert.Equal("runs/a/epoch.ckpt", new S3Location("b", "runs/a").ObjectKeyOf("epoch.ckpt"));
        Assert.Equal("epoch.ckpt", new S3Location("b", "").ObjectKeyOf("epoch.ckpt"));
    }
}
