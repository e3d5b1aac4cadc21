// Benchmarks (not tests): `dotnet run -c Release --project tests/MentorBot.Benchmarks -- checkins`
using MentorBot.Benchmarks;

var which = args.FirstOrDefault() ?? "checkins";
if (which != "checkins")
{
    Console.Error.WriteLine($"Unknown benchmark '{which}'. Available: checkins");
    return 1;
}
await CheckInsBenchmark.RunAsync();
return 0;
