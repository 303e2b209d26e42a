global using Orleans.Concurrency;
global using Xunit;
