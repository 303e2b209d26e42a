using NetOrleans.Core.Data;

namespace NetOrleans.Core.Models;

/// <summary>
/// The output layer's activation and the loss when the command line does not name them: the output follows the loss
/// and the targets, never the hidden layers' activation (a relu output under MSE on 0/1 targets dies and stays at 0).
/// </summary>
public static class OutputDefault
{
    /// <summary>
    /// Classes in more than one output (one-hot): softmax; cross-entropy on one output: sigmoid; MSE: sigmoid when every
    /// target lies in [0, 1] (the tutorial's 0/1 genders), linear otherwise (any real number).
    /// </summary>
    /// <param name="loss">mse or cross-entropy, or null when not given</param>
    /// <param name="train">the training split: its classes and its N x k targets</param>
    public static (string Output, string Loss) For(string? output, string? loss, DataSet train)
    {
        var oneHot = train.Classes is not null && train.Targets > 1;
        output ??= oneHot || (loss == "cross-entropy" && train.Targets > 1) ? "softmax"
            : loss == "cross-entropy" || train.Y.All(y => y is >= 0 and <= 1) ? "sigmoid"
            : "linear";
        return (output, loss ?? (output == "softmax" ? "cross-entropy" : "mse"));
    }
}
