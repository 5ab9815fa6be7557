namespace StrongChain.Docs.Domain.Agreements;

/// <summary>One party of a cooperation agreement: 甲方 the issuing enterprise, 乙方 the lead applicant, 丙方… each joint applicant.</summary>
/// <param name="Role">甲方, 乙方, 丙方, …</param>
/// <param name="Capacity">发榜企业, 牵头揭榜单位 or 联合揭榜单位.</param>
public sealed record AgreementParty(
    string Role,
    string Capacity,
    string Name,
    string? CreditCode,
    string? Address,
    string? Representative,
    string? ContactName,
    string? ContactPhone,
    string? Task);

/// <summary>What an agreement says, in reading order, free of any file format (the .docx writer lays it out).</summary>
public sealed record AgreementContent(
    string AgreementId,
    int Version,
    string Title,
    string Subtitle,
    IReadOnlyList<AgreementParty> Parties,
    IReadOnlyList<AgreementSection> Sections);

/// <summary>A numbered article (第一条 合作内容) or an unnumbered section (鉴于).</summary>
public sealed record AgreementSection(string Heading, IReadOnlyList<AgreementBlock> Blocks);

/// <summary>A piece of a section.</summary>
public abstract record AgreementBlock;

public sealed record AgreementParagraph(string Text) : AgreementBlock;

/// <summary>A table with a header row (indicators, milestones, funding, tasks).</summary>
public sealed record AgreementTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : AgreementBlock;

/// <summary>The signature blocks of every party.</summary>
public sealed record AgreementSignatures(IReadOnlyList<AgreementParty> Parties) : AgreementBlock;
