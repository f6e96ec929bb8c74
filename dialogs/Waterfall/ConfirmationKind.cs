namespace ScreeningBot.Dialogs.Waterfall;

public enum ConfirmationKind
{
    Withdraw,
}
