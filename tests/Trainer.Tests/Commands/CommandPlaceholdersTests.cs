using Tuner.Workloads;
using Tuner.Trainer.Commands;

namespace Tuner.Trainer.Tests.Commands;

public sealed class CommandPlaceholdersTests
{
    [Fact]
    public void Find_ListsEachParameterOnce_InOrderOfFirstUse()
    {
        var names = CommandPlaceholders.Find(["python3", "train.py", "--lr={learning_rate}", "--bs", "{batch_size}", "{learning_rate}", "{unknown}"]);

        Assert.Equal(["learning_rate", "batch_size", "unknown"], names);
    }

    [Fact]
    public void Find_TreatsDoubledBracesAsBraces()
    {
        Assert.Empty(CommandPlaceholders.Find(["--config={{\"a\": 1}}", "{{x}}"]));
        Assert.Equal(["lr"], CommandPlaceholders.Find(["{{\"lr\": {lr}}}"]));
    }

    [Theory]
    [InlineData("{lr", "has a '{' that is never closed (write '{{' for a brace), at character 1")]
    [InlineData("a}b", "has a '}' that closes no placeholder (write '}}' for a brace), at character 2")]
    [InlineData("{}", "has '{}', which is not a placeholder")]
    [InlineData("--x={learning rate}", "has '{learning rate}', which is not a placeholder")]
    public void Find_RejectsABraceThatIsNeitherAPlaceholderNorAnEscape(string argument, string expected)
    {
        var error = Assert.Throws<FormatException>(() => CommandPlaceholders.Find(["prog", argument]));

        Assert.Contains($"argument 1 '{argument}' of the command {expected}", error.Message);
    }

    [Fact]
    public void Substitute_FormatsValuesWithTheInvariantCultureAndRoundTripDoubles()
    {
        var parameters = new Dictionary<string, object>
        {
            ["lr"] = 0.1 + 0.2,
            ["units"] = 128L,
            ["optimizer"] = "adam",
            ["nesterov"] = true,
            ["tiny"] = 1e-7,
        };

        var argv = CommandPlaceholders.Substitute(
            ["train", "--lr={lr}", "{units}", "{optimizer}", "{nesterov}", "{tiny}", "{{{lr}}}"], parameters);

        Assert.Equal(["train", "--lr=0.30000000000000004", "128", "adam", "true", "1E-07", "{0.30000000000000004}"], argv);
        Assert.Equal(0.1 + 0.2, double.Parse(argv[1]["--lr=".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Substitute_NamesAPlaceholderThatIsNotAParameter()
    {
        var error = Assert.Throws<KeyNotFoundException>(() =>
            CommandPlaceholders.Substitute(["train", "--x={unknown}"], new Dictionary<string, object> { ["lr"] = 0.1 }));

        Assert.Equal("argument 1 '--x={unknown}' of the command uses {unknown}, which is not a parameter of this trial (it has lr)", error.Message);
    }
}
