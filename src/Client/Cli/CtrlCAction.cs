namespace NetOrleans.Client.Cli;

/// <summary>What a Ctrl-C does.</summary>
public enum CtrlCAction
{
    /// <summary>The listening command stops after the work in flight, says where, and exits with 130.</summary>
    StopGently,

    /// <summary>The process ends at once (SIGINT's default action: exit code 130).</summary>
    ExitNow,
}
