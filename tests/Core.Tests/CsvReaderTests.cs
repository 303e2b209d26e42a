using NetOrleans.Core.Data;
using Xunit;

namespace NetOrleans.Core.Tests;

/// <summary>CSV data sets: which column is the target, one-hot classes, and errors that name file, line and column.</summary>
public sealed class CsvReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("netorleans-csv-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Last_column_is_the_target()
    {
        var path = WriteFile("gender.csv", "weight,height,gender\n133,65,1\n160,72,0\n152,70,0\n120,60,1\n");

        var data = CsvReader.Read(path);

        Assert.Equal(path, data.Name);
        Assert.Equal(4, data.Count);
        Assert.Equal(2, data.Features);
        Assert.Equal(1, data.Targets);
        Assert.Equal(["weight", "height"], data.FeatureNames);
        Assert.Equal([133.0, 65, 160, 72, 152, 70, 120, 60], data.X);
        Assert.Equal([1.0, 0, 0, 1], data.Y);
        Assert.Null(data.Classes);
    }

    [Fact]
    public void Label_picks_another_column()
    {
        string[] lines = ["gender,weight,height", "1,133,65", "0,160,72"];

        var data = CsvReader.Parse(lines, "people.csv", label: "gender");

        Assert.Equal(["weight", "height"], data.FeatureNames);
        Assert.Equal([133.0, 65, 160, 72], data.X);
        Assert.Equal([1.0, 0], data.Y);
    }

    [Fact]
    public void Label_in_the_middle_keeps_the_other_columns_in_order()
    {
        string[] lines = ["a,y,b,c", "1,10,2,3", "4,20,5,6"];

        var data = CsvReader.Parse(lines, "mid.csv", label: "y");

        Assert.Equal(["a", "b", "c"], data.FeatureNames);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], data.X);
        Assert.Equal([10.0, 20], data.Y);
    }

    [Fact]
    public void Unknown_label_is_an_error()
    {
        string[] lines = ["a,b,c", "1,2,3"];

        var e = Assert.Throws<DataFormatException>(() => CsvReader.Parse(lines, "data.csv", label: "d"));

        Assert.Equal("data.csv:1: no column named 'd' (columns: a, b, c)", e.Message);
    }

    [Fact]
    public void Ragged_row_names_file_and_line()
    {
        var path = WriteFile("ragged.csv", "a,b,c\n1,2,3\n4,5\n");

        var e = Assert.Throws<DataFormatException>(() => CsvReader.Read(path));

        Assert.Equal($"{path}:3: expected 3 columns, found 2", e.Message);
    }

    [Fact]
    public void Line_numbers_count_blank_lines()
    {
        string[] lines = ["", "a,b,c", "1,2,3", "", "4,5,6,7"];

        var e = Assert.Throws<DataFormatException>(() => CsvReader.Parse(lines, "data.csv"));

        Assert.Equal("data.csv:5: expected 3 columns, found 4", e.Message);
    }

    [Fact]
    public void Non_numeric_feature_names_column_and_line()
    {
        var path = WriteFile("text.csv", "weight,height,gender\n133,65,F\n160,tall,M\n");

        var e = Assert.Throws<DataFormatException>(() => CsvReader.Read(path));

        Assert.Equal($"{path}:3: column 'height' has 'tall', which is not a finite number", e.Message);
    }

    [Fact]
    public void Text_targets_become_one_hot_classes_in_first_appearance_order()
    {
        string[] lines = ["x,species", "1,virginica", "2,setosa", "3,virginica", "4,versicolor", "5,setosa"];

        var data = CsvReader.Parse(lines, "iris.csv");

        Assert.Equal(["virginica", "setosa", "versicolor"], data.Classes);
        Assert.Equal(3, data.Targets);
        Assert.Equal(
            [
                1.0, 0, 0,
                0, 1, 0,
                1, 0, 0,
                0, 0, 1,
                0, 1, 0,
            ],
            data.Y);
        Assert.Equal([1.0, 2, 3, 4, 5], data.X);
    }

    [Fact]
    public void Empty_file_is_an_error()
    {
        var path = WriteFile("empty.csv", "");

        var e = Assert.Throws<DataFormatException>(() => CsvReader.Read(path));

        Assert.Equal($"{path}: empty data set (no header row)", e.Message);
    }

    [Fact]
    public void Header_only_is_an_error()
    {
        var path = WriteFile("header.csv", "a,b,c\n\n");

        var e = Assert.Throws<DataFormatException>(() => CsvReader.Read(path));

        Assert.Equal($"{path}: empty data set (a header and no samples)", e.Message);
    }

    [Fact]
    public void Single_column_is_an_error()
    {
        string[] lines = ["y", "1"];

        var e = Assert.Throws<DataFormatException>(() => CsvReader.Parse(lines, "one.csv"));

        Assert.StartsWith("one.csv:1: need at least one feature column and a target column", e.Message);
    }

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
