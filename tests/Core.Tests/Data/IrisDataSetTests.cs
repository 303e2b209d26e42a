using NetOrleans.Core.Data;
using Xunit;

namespace NetOrleans.Core.Tests.Data;

public sealed class IrisDataSetTests
{
    [Fact]
    public void Loads_one_hundred_fifty_by_four()
    {
        var iris = BuiltInDataSets.Find("iris")!;
        Assert.Equal("iris", iris.Name);
        Assert.Equal(150, iris.Count);
        Assert.Equal(4, iris.Features);
        Assert.Equal(["sepal_length", "sepal_width", "petal_length", "petal_width"], iris.FeatureNames);
        Assert.Equal([5.1, 3.5, 1.4, 0.2], iris.Row(0).ToArray());
        Assert.Null(iris.Test);
    }

    [Fact]
    public void Has_three_species_of_fifty_in_first_appearance_order()
    {
        var iris = BuiltInDataSets.Iris();
        Assert.Equal(3, iris.Targets);
        Assert.Equal(["setosa", "versicolor", "virginica"], iris.Classes);
        var counts = new int[3];
        for (var r = 0; r < iris.Count; r++)
        {
            counts[iris.Target(r).IndexOf(1.0)]++;
        }

        Assert.Equal([50, 50, 50], counts);
    }
}
