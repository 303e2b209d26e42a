using NetOrleans.Client.Cli;

namespace NetOrleans.Client.Commands;

/// <summary>Runs a check that throws an <see cref="ArgumentException"/> (Core's checks do) as a <see cref="UsageException"/>: the same one line.</summary>
internal static class UsageCheck
{
    public static T Run<T>(Func<T> check)
    {
        try
        {
            return check();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    public static void Run(Action check) => Run(() =>
    {
        check();
        return 0;
    });
}
