namespace OneStopWorkflow.Engine.Definitions;

public enum FieldType
{
    Text,
    Number,
    WholeNumber,
    Date,
    Boolean,
    Choice,
}
