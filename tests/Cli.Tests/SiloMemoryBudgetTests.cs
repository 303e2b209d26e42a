using NetOrleans.Hosting;

namespace NetOrleans.Cli.Tests;

/// <summary>The silo's memory-budget setting: a size for the whole cluster, or a share of what the silos have available.</summary>
public sealed class SiloMemoryBudgetTests
{
    [Theory]
    [InlineData("8GB", 8L << 30)]
    [InlineData("512mb", 512L << 20)]
    [InlineData("1.5GB", 3L << 29)]
    [InlineData("1000000", 1_000_000L)]
    public void A_size_is_a_budget_in_bytes(string value, long bytes)
    {
        var budget = SiloArguments.MemoryBudget("memory-budget", value);

        Assert.Equal(bytes, budget.Bytes);
    }

    [Fact]
    public void A_percentage_is_a_share_of_the_available_memory_and_half_is_the_default()
    {
        var budget = SiloArguments.MemoryBudget("memory-budget", "25%");

        Assert.Null(budget.Bytes);
        Assert.Equal(0.25, budget.Fraction);
        Assert.Equal(0.5, new SiloSettings().MemoryBudget.Fraction);
        Assert.Null(new SiloSettings().MemoryBudget.Bytes);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("0")]
    [InlineData("-2GB")]
    [InlineData("150%")]
    public void Anything_else_is_refused_naming_the_setting(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => SiloArguments.MemoryBudget("memory-budget", value));

        Assert.StartsWith($"memory-budget: '{value}' is not a size", error.Message, StringComparison.Ordinal);
    }
}
