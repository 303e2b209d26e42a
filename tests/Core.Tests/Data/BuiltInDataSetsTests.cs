using NetOrleans.Core.Data;
using Xunit;

namespace NetOrleans.Core.Tests.Data;

public sealed class BuiltInDataSetsTests
{
    [Fact]
    public void Names_list_every_built_in_set()
    {
        Assert.Equal(["gender", "xor", "iris", "mnist"], BuiltInDataSets.Names);
    }

    [Theory]
    [InlineData("gender")]
    [InlineData("xor")]
    [InlineData("iris")]
    public void Finds_each_name(string name)
    {
        var data = BuiltInDataSets.Find(name);
        Assert.NotNull(data);
        Assert.Equal(name, data.Name);
    }

    [Theory]
    [InlineData("cifar")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_name_is_null(string? name)
    {
        Assert.Null(BuiltInDataSets.Find(name));
    }

    [Fact]
    public void Finds_the_data_folder_with_its_files()
    {
        var dir = BuiltInDataSets.FindDataDirectory();
        Assert.NotNull(dir);
        Assert.True(File.Exists(Path.Combine(dir, BuiltInDataSets.IrisFile)));
        Assert.True(File.Exists(Path.Combine(dir, BuiltInDataSets.MnistImagesFile)));
        Assert.True(File.Exists(Path.Combine(dir, BuiltInDataSets.MnistLabelsFile)));
        Assert.DoesNotContain("shared", Path.GetFullPath(dir).Split(Path.DirectorySeparatorChar));
    }
}
