using Tuner.Core.Access;

namespace Tuner.Core.Tests.Access;

public sealed class ApiKeyTextTests
{
    [Fact]
    public void New_HasTheDocumentedShape_AndItsIdIsReadBack()
    {
        var key = ApiKeyText.New();

        Assert.Matches("^tuner_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$", key.Text);
        Assert.Equal(key.Id, ApiKeyText.IdOf(key.Text));
        Assert.DoesNotContain(key.Text[(ApiKeyText.Prefix.Length + 13)..], key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void New_KeysDiffer()
    {
        var keys = Enumerable.Range(0, 200).Select(_ => ApiKeyText.New()).ToList();

        Assert.Equal(200, keys.Select(k => k.Text).Distinct().Count());
        Assert.Equal(200, keys.Select(k => k.Id).Distinct().Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("tuner_")]
    [InlineData("tuner_abcdefghijkl")]
    [InlineData("tuner_ABCDEFGHIJKL_secret")]
    [InlineData("tuner_abcdefghijk1_secret")]
    [InlineData("other_abcdefghijkl_secret")]
    [InlineData("tuner_abcdefghijklXsecret")]
    public void IdOf_IsNull_ForTextThatIsNotAKey(string? text) => Assert.Null(ApiKeyText.IdOf(text));

    [Fact]
    public void Matches_OnlyTheKeyItsHashWasMadeFrom()
    {
        var key = ApiKeyText.New();
        var hash = ApiKeyText.Hash(key.Text);

        Assert.Equal(32, hash.Length);
        Assert.True(ApiKeyText.Matches(key.Text, hash));
        Assert.False(ApiKeyText.Matches(key.Text[..^1] + (key.Text[^1] == 'A' ? 'B' : 'A'), hash));
        Assert.False(ApiKeyText.Matches(ApiKeyText.New().Text, hash));
    }
}
