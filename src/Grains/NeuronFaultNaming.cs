namespace NetOrleans.Grains;

/// <summary>
/// Names the neuron in what a neuron grain refuses: an <see cref="ArgumentException"/>, <see cref="InvalidOperationException"/>
/// or <see cref="ArithmeticException"/> (exactly those types) that Core throws in a neuron's call comes out as
/// "neuron NETWORK/LAYER/INDEX: message", so that a refusal deep in a layer says where it happened.
/// </summary>
public sealed class NeuronFaultNaming : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.TargetContext.GrainInstance is not NeuronGrain)
        {
            await context.Invoke();
            return;
        }

        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (Unnamed(e))
        {
            throw Named(e, $"neuron {context.TargetId.Key}: {e.Message}");
        }
    }

    private static bool Unnamed(Exception e) =>
        (e.GetType() == typeof(ArgumentException) || e.GetType() == typeof(InvalidOperationException) || e.GetType() == typeof(ArithmeticException))
        && !e.Message.StartsWith("neuron ", StringComparison.Ordinal);

    private static Exception Named(Exception e, string message) => e switch
    {
        ArithmeticException => new ArithmeticException(message, e),
        InvalidOperationException => new InvalidOperationException(message, e),
        _ => new ArgumentException(message, e),
    };
}
