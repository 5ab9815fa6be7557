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

    /// <summary>An expert (issue 15): sees the applications of the demands whose panel names them.</summary>
    public const string Expert = "expert";

    /// <summary>An issuing enterprise (issue 15): sees the applications to its own demands (by credit code).</summary>
    public const string Issuer = "issuer";

    /// <summary>Staff or an expert (issue 15): the score workbooks of a panel (an expert only for the panels that name it).</summary>
    public const string Panel = "panel";

    /// <summary>Whoever may read applications: staff, an applicant, an issuer or an expert; each sees only its own scope.</summary>
    public const string ApplicationReader = "application-reader";
}
