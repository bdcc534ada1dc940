using Tuner.Core.Access;

namespace Tuner.Core.Tests.Access;

public sealed class AccessRoleTests
{
    [Theory]
    [InlineData(AccessRole.Read, AccessRole.Read, true)]
    [InlineData(AccessRole.Read, AccessRole.Submit, false)]
    [InlineData(AccessRole.Read, AccessRole.Admin, false)]
    [InlineData(AccessRole.Submit, AccessRole.Read, true)]
    [InlineData(AccessRole.Submit, AccessRole.Submit, true)]
    [InlineData(AccessRole.Submit, AccessRole.Admin, false)]
    [InlineData(AccessRole.Admin, AccessRole.Read, true)]
    [InlineData(AccessRole.Admin, AccessRole.Submit, true)]
    [InlineData(AccessRole.Admin, AccessRole.Admin, true)]
    public void EachRoleIncludesTheOnesBeforeIt(AccessRole held, AccessRole needed, bool granted) =>
        Assert.Equal(granted, held.Grants(needed));

    [Theory]
    [InlineData("read", AccessRole.Read)]
    [InlineData("SUBMIT", AccessRole.Submit)]
    [InlineData("Admin", AccessRole.Admin)]
    public void TryParse_ReadsTheNames_InAnyCase(string text, AccessRole role)
    {
        Assert.True(AccessRoles.TryParse(text, out var parsed));
        Assert.Equal(role, parsed);
        Assert.Equal(text.ToLowerInvariant(), parsed.Name());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("owner")]
    [InlineData("2")]
    public void TryParse_RefusesAnythingElse(string? text) => Assert.False(AccessRoles.TryParse(text, out _));

    [Fact]
    public void Names_ListsThemInOrder() => Assert.Equal("read, submit, admin", AccessRoles.Names);
}
