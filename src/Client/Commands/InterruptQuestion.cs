using Spectre.Console;

namespace NetOrleans.Client.Commands;

/// <summary>On Ctrl-C while watching a job in a cluster: asks whether to cancel the job or to leave it running.</summary>
public static class InterruptQuestion
{
    /// <summary>
    /// What to do with <paramref name="jobId"/>: asked on the terminal when one can answer (c or d, Enter for cancel);
    /// cancel otherwise.
    /// </summary>
    public static async Task<InterruptChoice> Ask(CommandContext context, string jobId)
    {
        if (!context.CanAsk)
        {
            return InterruptChoice.Cancel;
        }

        AnsiConsole.WriteLine($"Ctrl-C: [c]ancel job {jobId} in the cluster, or [d]etach and leave it training? (c/d, Ctrl-C again quits at once)");
        while (true)
        {
            var key = await Task.Run(() => Console.ReadKey(intercept: true));
            switch (char.ToLowerInvariant(key.KeyChar))
            {
                case 'c' or '\r' or '\n':
                    return InterruptChoice.Cancel;
                case 'd':
                    return InterruptChoice.Detach;
            }
        }
    }
}
