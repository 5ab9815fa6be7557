namespace StrongChain.Docs.Api.Identity;

/// <summary>The authorization policies every endpoint names (controllers are mapped with RequireAuthorization: default deny).</summary>
public static class Policies
{
    /// <summary>A signed-in applicant acting for one organisation (credit code in the token).</summary>
    public const string Applicant = "applicant";

    /// <summary>Programme staff.</summary>
    public const string Staff = "staff";

    /// <summary>Either role; what is visible then depends on the caller.</summary>
    public const string SignedIn = "signed-in";
}
