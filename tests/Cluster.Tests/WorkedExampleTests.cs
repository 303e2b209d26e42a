using NetOrleans.Core.Activations;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Cluster.Tests;

/// <summary>
/// The tutorial's worked example: every weight 1, every bias 0, only Alice (x = [-2, -1] after the shift, y = 1).
/// One SGD step with eta = 1 through the grains moves each parameter by exactly -dL/dparameter.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WorkedExampleTests(ClusterFixture fixture)
{
    private static readonly double[] Alice = [133, 65];
    private static readonly double[] Shift = [135, 66];

    private static NetworkModel AllOnes() => TutorialModels.Uniform([2, 2, 1], 1, 0, shift: Shift);

    /// <summary>The nine partial derivatives by the tutorial's formulas, in theta order: w1 w2 b1, w3 w4 b2, w5 w6 b3.</summary>
    private static double[] TutorialGradients()
    {
        double[] x = [-2, -1];
        const double yTrue = 1;
        double w1 = 1, w2 = 1, w3 = 1, w4 = 1, w5 = 1, w6 = 1, b1 = 0, b2 = 0, b3 = 0;
        static double S(double z) => Sigmoid.F(z);
        static double DS(double z) => S(z) * (1 - S(z));

        var sumH1 = w1 * x[0] + w2 * x[1] + b1;
        var h1 = S(sumH1);
        var sumH2 = w3 * x[0] + w4 * x[1] + b2;
        var h2 = S(sumH2);
        var sumO1 = w5 * h1 + w6 * h2 + b3;
        var yPred = S(sumO1);

        var dLdYpred = -2 * (yTrue - yPred);
        var dYpredDw5 = h1 * DS(sumO1);
        var dYpredDw6 = h2 * DS(sumO1);
        var dYpredDb3 = DS(sumO1);
        var dYpredDh1 = w5 * DS(sumO1);
        var dYpredDh2 = w6 * DS(sumO1);
        var dH1Dw1 = x[0] * DS(sumH1);
        var dH1Dw2 = x[1] * DS(sumH1);
        var dH1Db1 = DS(sumH1);
        var dH2Dw3 = x[0] * DS(sumH2);
        var dH2Dw4 = x[1] * DS(sumH2);
        var dH2Db2 = DS(sumH2);

        return
        [
            dLdYpred * dYpredDh1 * dH1Dw1, dLdYpred * dYpredDh1 * dH1Dw2, dLdYpred * dYpredDh1 * dH1Db1,
            dLdYpred * dYpredDh2 * dH2Dw3, dLdYpred * dYpredDh2 * dH2Dw4, dLdYpred * dYpredDh2 * dH2Db2,
            dLdYpred * dYpredDw5, dLdYpred * dYpredDw6, dLdYpred * dYpredDb3,
        ];
    }

    private static double[] Flatten(double[][][] theta) => theta.SelectMany(l => l.SelectMany(n => n)).ToArray();

    private async Task<double[]> GrainGradients(string id)
    {
        var network = fixture.Grains.GetGrain<INetworkGrain>(id);
        var model = AllOnes();
        await network.Create(model, new OptimizerSettings(OptimizerKind.Sgd, LearningRate: 1), replace: false, history: []);
        await network.TrainBatch(Alice, new double[] { 1 });
        var after = Flatten((await network.Export()).Theta);
        var before = Flatten(model.Theta);
        return before.Zip(after, (b, a) => b - a).ToArray();
    }

    [Fact]
    public async Task The_network_outputs_about_0_524_for_Alice()
    {
        var network = fixture.Grains.GetGrain<INetworkGrain>("worked-forward");
        await network.Create(AllOnes(), new OptimizerSettings(), replace: false, history: []);

        var o1 = (await network.Predict(Alice)).Value[0];

        Assert.Equal(0.524, o1, 1e-3);
    }

    [Fact]
    public async Task The_grains_gradients_equal_the_tutorials_nine_formulas()
    {
        var grains = await GrainGradients("worked-formulas");
        var tutorial = TutorialGradients();

        Assert.Equal(0.0214, grains[0], 1e-4);
        for (var i = 0; i < 9; i++)
        {
            Assert.True(Math.Abs(grains[i] - tutorial[i]) <= 1e-12, $"parameter {i}: grains {grains[i]:R}, tutorial {tutorial[i]:R}");
        }
    }

    [Fact]
    public async Task The_grains_gradients_equal_central_finite_differences()
    {
        var grains = await GrainGradients("worked-fd");
        var probe = fixture.Grains.GetGrain<INetworkGrain>("worked-fd-probe");
        const double h = 1e-6;

        async Task<double> Loss(int parameter, double offset)
        {
            var model = AllOnes();
            var flat = model.Theta.SelectMany(l => l).ToArray();
            flat[parameter / 3][parameter % 3] += offset;
            await probe.Create(model, new OptimizerSettings(), replace: true, history: []);
            var yPred = (await probe.Predict(Alice)).Value[0];
            return (1 - yPred) * (1 - yPred);
        }

        for (var i = 0; i < 9; i++)
        {
            var numeric = (await Loss(i, h) - await Loss(i, -h)) / (2 * h);
            Assert.True(Math.Abs(grains[i] - numeric) <= 1e-6, $"parameter {i}: grains {grains[i]:R}, finite difference {numeric:R}");
        }
    }
}
