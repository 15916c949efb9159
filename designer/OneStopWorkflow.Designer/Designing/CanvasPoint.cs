namespace OneStopWorkflow.Designer.Designing;

public readonly record struct CanvasPoint(double X, double Y);
