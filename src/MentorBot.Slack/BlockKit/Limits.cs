namespace MentorBot.Slack.BlockKit;

/// <summary>Slack's documented Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks and the pages per block).</summary>
public static class Limits
{
    public const int MessageBlocks = 50;
    public const int ViewBlocks = 100;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int FieldText = 2000;
    public const int HeaderText = 150;
    public const int ContextElements = 10;
    public const int ActionElements = 25;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int OptionText = 75;
    public const int OptionValue = 150;
    public const int SelectOptions = 100;
    public const int OverflowOptions = 5; // and at least 2
    public const int ChoiceOptions = 10;
    public const int InputLabel = 2000;
    public const int Placeholder = 150;
    public const int TextInputMax = 3000;
    public const int ConfirmTitle = 100;
    public const int ConfirmText = 300;
    public const int ConfirmButton = 30;
    public const int ModalTitle = 24;
    public const int ModalButton = 24;
    public const int PrivateMetadata = 3000;
    public const int BlockId = 255;
    public const int MessageText = 4000;
}
