using Lapor.Web.Data;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddLaporDatabase(builder.Configuration, builder.Environment);

var app = builder.Build();
app.MapGet("/", () => "Lapor");
app.Run();

public partial class Program;
