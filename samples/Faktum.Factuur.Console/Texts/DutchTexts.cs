using Faktum.Licensing;
using Faktum.Licensing.Updates;

namespace Faktum.Factuur.Texts;

/// <summary>Nederlands (standaard).</summary>
internal sealed class DutchTexts : Texts
{
    public override string Language => "nl";
    public override string ProgramTitle => "Faktum Factuur — factuurprogramma";
    public override string RegistrationTitle => "Registratie — Uw bedrijf aanmelden bij Faktum Factuur";
    public override string RegistrationIntro => "Met uw gegevens wordt een gebruikersaccount voor u aangemaakt en tevens een gratis proeflicentie. De licentie is verbonden aan de bedrijfsnaam en postcode.";
    public override string EveryStartNotice => "Elke keer bij het opstarten maakt het programma één verbinding met de Faktum Factuur server om uw licentie te controleren en te kijken of er updates zijn. (Verder worden er geen gegevens uitgewisseld.)";
    public override string ChooseTitle => "Factuur Software Installatie — Registratie";
    public override string ChooseExisting => "Een bestaand (reeds aangemeld) bedrijf/account gebruiken";
    public override string ChooseNew => "Een nieuw bedrijf aanmelden";
    public override string OneLicensePerCompany => "LET OP: U kunt alleen één licentie per bedrijf gebruiken.";
    public override string PersonalDetailsTitle => "Persoonlijke gegevens";
    public override string CompanyDetailsTitle => "Nieuw bedrijf — bedrijfsgegevens";
    public override string ContactName => "Naam contactpersoon";
    public override string Phone => "Telefoonnummer";
    public override string Email => "E-mailadres";
    public override string EmailWarning => "LET OP: Gebruik een geldig e-mailadres. Uw e-mailadres wordt gebruikt om uw account te bevestigen en voor de verdere communicatie met Faktum Factuur.";
    public override string CompanyName => "Bedrijfsnaam";
    public override string CompanyNameWarning => "LET OP: Geef de juiste bedrijfsnaam op. Het is niet mogelijk deze later te veranderen.";
    public override string Postcode => "Postcode";
    public override string Street => "Straat";
    public override string HouseNumber => "Huisnummer";
    public override string City => "Plaats";
    public override string Country => "Land";
    public override string AddressWarning => "LET OP: Gebruik een geldig adres. Dit adres wordt automatisch door het programma gebruikt als uw factuuradres.";
    public override string Optional => "(optioneel)";
    public override string CheckDetails => "Kloppen deze gegevens?";
    public override string ExistingTitle => "Bestaand bedrijf/account";
    public override string ExistingIntro => "Moet u opnieuw registreren, bijvoorbeeld omdat het programma verwijderd is of u Faktum Factuur op een andere computer wilt gebruiken? Voer uw e-mailadres in en u krijgt een nieuw wachtwoord. Nadat u uw identiteit hebt bevestigd met het nieuwe wachtwoord, kunt u gewoon verder met de software.";
    public override string PasswordTitle => "Account bevestigen";
    public override string Password => "Wachtwoord uit de e-mail";
    public override string FinishedTitle => "Factuurprogramma — Nieuw bedrijf";
    public override string Finished => "U bent nu klaar met het installeren van het factuurprogramma Faktum Factuur.\nVoordat u uw eerste factuur kunt aanmaken, moet u eerst een aantal instellingen aanpassen en een aantal gegevens invoeren.";
    public override string NextStep => "Volgende stap: Uw bedrijfsgegevens toevoegen";
    public override string Interrupted => "Afgebroken met Ctrl-C. De ingebouwde licentieserver is gestopt; er is niets half opgeslagen.";
    public override string Cancelled => "Afgebroken.";

    public override string Checking => "Licentie controleren…";
    public override string Sending => "E-mail met wachtwoord aanvragen…";
    public override string Registering => "Bedrijf aanmelden…";
    public override string Confirming => "Wachtwoord controleren…";
    public override string StartTitle(LicenseState state) => state switch
    {
        LicenseState.Trial => "Faktum Factuur — proeflicentie",
        LicenseState.OfflineGrace => "Faktum Factuur — offline",
        _ => "Faktum Factuur — gelicentieerd",
    };
    public override string CarryOn => "U kunt verder werken.";
    public override string ReadOnlyTitle => "Faktum Factuur — alleen lezen";
    public override string WhatToDo(LicenseState state) => state switch
    {
        LicenseState.MovedToAnotherInstallation => "Wat nu? Werkt u voortaan op deze computer, kies dan 'Hier verder werken': u krijgt een nieuw wachtwoord per e-mail en de licentie verhuist terug naar deze computer.",
        LicenseState.Duplicated => "Wat nu? Werkt u op deze computer, kies dan 'Hier verder werken': u krijgt een nieuw wachtwoord per e-mail en de licentie geldt weer op deze computer. De kopie op de andere computer blijft alleen lezen.",
        LicenseState.Invalid => "Wat nu? Kies 'Hier verder werken': u krijgt een nieuw wachtwoord per e-mail en daarmee haalt u de licentie opnieuw op.",
        LicenseState.Suspended => "Wat nu? Neem contact op met de leverancier van Faktum Factuur; zodra de schorsing is opgeheven, werkt het programma bij de volgende start weer gewoon.",
        LicenseState.Revoked => "Wat nu? Neem contact op met de leverancier van Faktum Factuur als u denkt dat dit niet klopt.",
        LicenseState.TrialExpired => "Wat nu? Koop een licentie bij de leverancier van Faktum Factuur; bij de volgende start werkt het programma dan weer gewoon.",
        LicenseState.Expired => "Wat nu? Verleng uw licentie bij de leverancier van Faktum Factuur; bij de volgende start werkt het programma dan weer gewoon.",
        LicenseState.OfflineGraceExpired => "Wat nu? Maak verbinding met internet en start het programma opnieuw.",
        LicenseState.ClockRolledBack => "Wat nu? Zet de datum en tijd van deze computer goed en start het programma opnieuw.",
        _ => "Wat nu? Start het programma later opnieuw; blijft dit zo, neem dan contact op met de leverancier.",
    };
    public override string DataStaysReadable => "Uw gegevens blijven bewaard: u kunt ze inzien, afdrukken en exporteren.";
    public override string WhatNow => "Wat wilt u doen?";
    public override string RecoverHere => "Hier verder werken (nieuw wachtwoord per e-mail)";
    public override string Quit => "Afsluiten";
    public override string ChooseQuestion => "Kies met de pijltjestoetsen en Enter:";
    public override string KeywordsHint => "Typ 'terug' om een stap terug te gaan of 'annuleren' om te stoppen.";
    public override string SummaryTitle => "Controleer uw gegevens";
    public override string RegisterNow => "Ja, bedrijf aanmelden";
    public override string ChangeDetails => "Een gegeven wijzigen";
    public override string CancelChoice => "Annuleren";
    public override string BackChoice => "Terug";
    public override string WhichField => "Welk gegeven wilt u wijzigen?";
    public override string UseExisting => "Bestaand bedrijf gebruiken (nieuw wachtwoord per e-mail)";
    public override string MailSent(string email, bool registration) => registration
        ? $"Er is een e-mail met een eenmalig wachtwoord (zoals ABCDE-FGHJK) verstuurd naar {email}. Het is 30 minuten geldig."
        : $"Als dit e-mailadres bij ons bekend is, ontvangt u nu op {email} een e-mail met een nieuw eenmalig wachtwoord (zoals ABCDE-FGHJK). Het is 30 minuten geldig.";
    public override string ResumePassword(string email) => $"U was bezig uw account te bevestigen. Er is een e-mail met een eenmalig wachtwoord verstuurd naar {email}.";
    public override string PasswordHint => "Typ het wachtwoord uit de e-mail, 'nieuw' voor een nieuw wachtwoord, of 'terug' om terug te gaan.";
    public override string WelcomeBackTitle => "Factuurprogramma — Bestaand bedrijf";
    protected override IReadOnlyList<string> BackWords { get; } = ["terug"];
    protected override IReadOnlyList<string> CancelWords { get; } = ["annuleren", "stop"];
    protected override IReadOnlyList<string> NewPasswordWords { get; } = ["nieuw", "nieuw wachtwoord"];
    public override string RequiredField => "Dit veld is verplicht.";
    public override string TooLong(int maxLength) => $"Dit veld mag hoogstens {maxLength} tekens lang zijn.";
    public override string InvisibleCharacters => "Dit veld bevat onzichtbare tekens of stuurtekens; typ het opnieuw.";
    public override string MixedScript => "De bedrijfsnaam mengt letters uit verschillende schriften (Latijns, Grieks, Cyrillisch); typ haar opnieuw met gewone letters.";
    public override string AlreadyRegistered => "Er is al een bedrijf met deze naam en postcode geregistreerd.";
    public override string ServerRefused => "De licentieserver heeft dit geweigerd.";
    public override string Rule(Screens.Field field, string country) => field switch
    {
        Screens.Field.Email => "Dit is geen geldig e-mailadres; een e-mailadres ziet eruit als naam@bedrijf.nl.",
        Screens.Field.Postcode when country == "NL" => "Een Nederlandse postcode bestaat uit vier cijfers en twee letters, zoals 1234 AB.",
        Screens.Field.Postcode => $"Deze postcode past niet bij het land {country}.",
        Screens.Field.Country => "Geef het land als landcode van twee letters, zoals NL, BE of DE.",
        Screens.Field.Phone => "Een telefoonnummer bevat alleen cijfers, spaties en + - ( ).",
        Screens.Field.HouseNumber => "Een huisnummer bevat alleen letters, cijfers, spaties, - en /, zoals 12a.",
        Screens.Field.CompanyName => "Een bedrijfsnaam bestaat uit meer dan leestekens of alleen een rechtsvorm (zoals B.V.).",
        _ => "Gebruik alleen letters, cijfers, spaties en . , ' - / ( ) &.",
    };

    public override string? CommandLineHelp(string name) => name switch
    {
        "" => "Faktum Factuur — voorbeeld-factuurprogramma op Faktum.Licensing. Zonder opdracht: de registratieschermen (interactief).",
        "--server" => "Het basisadres van de licentieserver. Zonder deze optie draait de ingebouwde referentieserver (gegevens in --server-data).",
        "--data-dir" => "De gegevensmap van deze computer (licentiestatus, logboek): één map is één installatie. Standaard .faktum-data.",
        "--server-data" => "De gegevensmap van de ingebouwde server, gedeeld door elke --data-dir, zodat een tweede map 'een andere computer' kan zijn.",
        "--trusted-key" => "Een vastgepinde serversleutel KID=BASE64URL (kid en x van een JWK uit jwks.json van de server); herhaalbaar.",
        "--app-version" => "De programmaversie die bij het starten wordt meegestuurd (standaard: de versie van dit programma).",
        "--channel" => "Het updatekanaal dat bij het starten wordt meegestuurd (standaard stable).",
        "--lang" => "Taal: nl (standaard) of en.",
        "--json" => "Schrijf één JSON-object naar stdout (voor scripts).",
        "--help" => "Toon deze hulp.",
        "--version" => "Toon de versie.",
        "demo" => "Doorloop de verhalen S1–S7 en S9 van begin tot eind op de ingebouwde server, zonder invoer.",
        "register" => "Meld een nieuw bedrijf aan (S2); er wordt een eenmalig wachtwoord gemaild.",
        "confirm" => "Bevestig het account met het eenmalige wachtwoord uit de e-mail (S2, S4).",
        "recover" => "Bestaand bedrijf op deze computer (S4): er wordt een nieuw eenmalig wachtwoord gemaild.",
        "status" => "Controleer de licentie (S5): exitcode 0 als het programma gewoon mag werken, 3 als het alleen mag lezen.",
        "profile" => "Toon het aangemelde bedrijf (S6); het adres is het factuuradres.",
        "--company" => "Bedrijfsnaam (kan later niet worden veranderd).",
        "--postcode" => "Postcode, bijvoorbeeld 1234 AB.",
        "--country" => "Land (landcode van twee letters, standaard NL).",
        "--street" => "Straat.",
        "--house-number" => "Huisnummer.",
        "--city" => "Plaats.",
        "--contact" => "Naam contactpersoon.",
        "--phone" => "Telefoonnummer (optioneel).",
        "--email" => "E-mailadres (om het account te bevestigen).",
        "--password" => "Het eenmalige wachtwoord uit de e-mail.",
        "installations" => "De computers met deze licentie (S8): tonen, er een vrijgeven of een andere naam geven. Met een terminal en zonder optie: het scherm.",
        "companies" => "De bedrijven op deze computer (S9), elk met zijn licentiestatus; met --select wisselen, met --remove een bedrijf van deze computer verwijderen.",
        "--select" => "Werk voortaan in het bedrijf met deze licentie-id (lic_…).",
        "--remove" => "Verwijder het bedrijf met deze licentie-id (lic_…) van deze computer; zijn plaats komt vrij.",
        "--license" => "Bij een account met meerdere bedrijven: de licentie-id (lic_…) van een bedrijf dat u op deze computer wilt gebruiken; herhaalbaar.",
        "--label" => "Een naam voor deze computer, bijvoorbeeld Kantoor-PC (door u getypt; nooit van de computer gelezen).",
        _ => null,
    };
    public override string HelpDescription => "Beschrijving:";
    public override string HelpUsage => "Gebruik:";
    public override string HelpUsageLine => "[opdracht] [opties]";
    public override string HelpUsageOptions => "[opties]";
    public override string HelpOptions => "Opties:";
    public override string HelpCommands => "Opdrachten:";
    public override string UnknownToken(string token) => $"Onbekende opdracht of optie '{token}'.";
    public override string MissingOption(string name) => $"De optie {name} is verplicht.";
    public override string BadOptionValue(string name) => $"De waarde van {name} klopt niet.";
    public override string BadCommandLine => "De opdrachtregel klopt niet.";
    public override string SeeHelp => "Zie --help.";

    public override string Registered => "Uw bedrijf is aangemeld. U ontvangt een e-mail met een eenmalig wachtwoord; bevestig daarmee uw account (confirm).";
    public override string PasswordRequested => "Als dit e-mailadres bij ons bekend is, ontvangt u een e-mail met een nieuw eenmalig wachtwoord.";
    public override string Confirmed => "Uw account is bevestigd en de licentie staat op deze computer.";
    public override string NoProfile => "Er zijn op deze computer nog geen bedrijfsgegevens: meld eerst uw bedrijf aan of gebruik een bestaand bedrijf.";
    public override string InvoiceAddress => "Factuuradres";
    public override string LicenseStatusTitle => "Licentie";
    public override string ServerStarted(Uri address) => $"Ingebouwde licentieserver gestart op {address}";
    public override string MailFolder(string folder) => $"E-mails van de ingebouwde server staan in {folder}";
    public override string Updates(UpdateDecision? decision) => decision switch
    {
        null => "Updates: geen ondertekend update-besluit (offline, of geen release-sleutel ingesteld).",
        { Kind: UpdateDecisionKind.UpToDate } => "Updates: u werkt met de nieuwste versie.",
        { Kind: UpdateDecisionKind.UpdateAvailable, Release: { } r } => $"Update beschikbaar: versie {r.Version} ({r.NotesUrl}).",
        { Kind: UpdateDecisionKind.UpdateRequired, Release: { } r } => $"Update verplicht: installeer versie {r.Version} ({r.NotesUrl}).",
        { Kind: UpdateDecisionKind.UpdateNotEntitled, NewestRelease: { } n } => $"Versie {n.Version} valt buiten uw update-recht{(decision.Release is { } r ? $"; u mag bijwerken tot versie {r.Version}" : string.Empty)}.",
        { Kind: UpdateDecisionKind.InstalledVersionWithdrawn } => $"Uw versie is ingetrokken{(decision.Release is { } r ? $"; installeer versie {r.Version}" : string.Empty)}.",
        _ => $"Updates: {decision.Kind}.",
    };

    public override string DemoTitle => "Demo: de registratieschermen van Faktum Factuur, van begin tot eind (S1–S7)";
    public override string DemoStep(string id) => id switch
    {
        "server" => "Ingebouwde licentieserver starten",
        "register" => "S2 Nieuw bedrijf aanmelden: Bakkerij Jansen B.V., 1234 AB",
        "mail" => "S2 Het eenmalige wachtwoord uit de e-mail lezen",
        "confirm" => "S2 Account bevestigen met het wachtwoord: proeflicentie ontvangen",
        "status" => "S5/S7 Volgende start: licentie controleren (proefperiode, dagen over)",
        "profile" => "S6 Bedrijfsgegevens: het adres is het factuuradres",
        "recover" => "S4 Tweede computer: bestaand bedrijf, nieuw wachtwoord per e-mail",
        "recover-confirm" => "S4 Tweede computer: identiteit bevestigen, licentie ontvangen",
        "moved" => "S4 Eerste computer: hoort bij de volgende start dat de licentie verhuisd is",
        "duplicate" => "S3 Hetzelfde bedrijf opnieuw aanmelden (\"bakkerij  jansen bv\", 1234ab): geweigerd",
        "updates" => "S5 Updates zoeken",
        "second-company" => "S9 Tweede bedrijf onder hetzelfde e-mailadres aanmelden: Jansen Catering, 3811 AB Amersfoort",
        "companies" => "S9 Herstart van de eerste computer: beide bedrijven, elk met zijn eigen proefdagen",
        "company-choice" => "S9 Tweede computer: het wachtwoord hoort bij een account met twee bedrijven: kiezen",
        "still-licensed" => "S9 Eerste computer: het andere bedrijf blijft gewoon gelicentieerd",
        _ => id,
    };
    public override string DemoPassed => "Alle stappen gedragen zich zoals de registratiehandleiding beschrijft.";
    public override string DemoFailed => "Niet alle stappen gedroegen zich zoals verwacht.";

    public override string State(LicenseStatus status) => status.State switch
    {
        LicenseState.Licensed => "Uw licentie is geldig.",
        LicenseState.Trial => $"Proeflicentie: nog {status.DaysLeft} {(status.DaysLeft == 1 ? "dag" : "dagen")}.",
        LicenseState.TrialExpired => "Uw proefperiode is verlopen. U kunt uw gegevens nog inzien, afdrukken en exporteren (alleen lezen).",
        LicenseState.Expired => "Uw licentie is verlopen. U kunt uw gegevens nog inzien, afdrukken en exporteren (alleen lezen).",
        LicenseState.Suspended => "Uw licentie is tijdelijk geschorst. Neem contact op met Faktum. Uw gegevens blijven leesbaar (alleen lezen).",
        LicenseState.Revoked => "Uw licentie is ingetrokken. Neem contact op met Faktum. Uw gegevens blijven leesbaar (alleen lezen).",
        LicenseState.MovedToAnotherInstallation => "Uw licentie is verhuisd naar een andere computer. Wilt u hier verder werken, kies dan 'bestaand bedrijf'. Tot die tijd: alleen lezen.",
        LicenseState.Duplicated => "Deze programmamap wordt op twee computers tegelijk gebruikt (een kopie, een teruggezette back-up of een gekloonde computer). Tot u de licentie op de computer die u gebruikt opnieuw ophaalt: alleen lezen.",
        LicenseState.NotRegistered => "Op deze computer is nog geen licentie: meld uw bedrijf aan of kies 'bestaand bedrijf'.",
        LicenseState.OfflineGrace => $"De licentieserver is niet bereikbaar. U kunt nog {status.DaysLeft} {(status.DaysLeft == 1 ? "dag" : "dagen")} offline werken.",
        LicenseState.OfflineGraceExpired => "U bent te lang offline geweest: maak verbinding met internet om uw licentie te laten controleren. Tot die tijd: alleen lezen.",
        LicenseState.ClockRolledBack => "De klok van deze computer staat achter. Zet de datum en tijd goed. Tot die tijd: alleen lezen.",
        LicenseState.Invalid => "De licentie op deze computer is ongeldig. Kies 'bestaand bedrijf' om haar opnieuw op te halen. Tot die tijd: alleen lezen.",
        LicenseState.NotChecked => "De licentie is nog niet gecontroleerd.",
        _ => "De licentiestatus is onbekend.",
    };

    public override string Failure(LicensingFailure failure) => failure switch
    {
        LicensingFailure.InvalidInput => "Niet alle gegevens zijn juist ingevuld.",
        LicensingFailure.CompanyAlreadyRegistered => "Dit bedrijf heeft al een licentie (één licentie per bedrijf). Kies 'bestaand bedrijf' en vraag een nieuw wachtwoord aan.",
        LicensingFailure.OneTimePasswordInvalid => "Het wachtwoord is onjuist, verlopen of al gebruikt.",
        LicensingFailure.TooManyAttempts => "Te vaak een onjuist wachtwoord: dit wachtwoord werkt niet meer. Vraag een nieuw wachtwoord aan.",
        LicensingFailure.CompanyNameImmutable => "De bedrijfsnaam kan niet worden veranderd.",
        LicensingFailure.NotRegistered => "Op deze computer is nog geen licentie: meld eerst uw bedrijf aan of kies 'bestaand bedrijf'.",
        LicensingFailure.LicenseRejected => "De server heeft de licentie van deze computer geweigerd. Kies 'bestaand bedrijf' om haar opnieuw op te halen.",
        LicensingFailure.RateLimited => "Te veel pogingen achter elkaar. Wacht even en probeer het opnieuw.",
        LicensingFailure.ServerUnreachable => "De licentieserver is niet bereikbaar. Controleer uw internetverbinding en probeer het later opnieuw.",
        LicensingFailure.InvalidResponse => "Het antwoord van de licentieserver was onbruikbaar of niet correct ondertekend.",
        LicensingFailure.RequestRejected => "De licentieserver heeft het verzoek geweigerd.",
        LicensingFailure.SeatsFull => "Alle plaatsen van deze licentie zijn bezet: kies welke computer zijn plaats afstaat.",
        LicensingFailure.MoveBudgetExhausted => "Deze licentie is de laatste tijd te vaak naar een andere computer verhuisd. Uw e-mailadres is bevestigd, maar de licentie blijft waar ze is.",
        LicensingFailure.LocalStateUnavailable => "De licentiegegevens op deze computer konden niet worden gelezen of geschreven. Controleer de map en de rechten.",
        LicensingFailure.CompanyChoiceRequired => "Bij dit e-mailadres horen meerdere bedrijven: kies welke u op deze computer wilt gebruiken.",
        LicensingFailure.CompanyNotOnInstallation => "Dit bedrijf staat niet op deze computer.",
        _ => "De licentieserver gaf een onverwacht antwoord.",
    };

    public override string Error => "Fout";

    public override string FieldLabel(string field) => FieldKey(field) switch
    {
        "name" => CompanyName,
        "postcode" => Postcode,
        "country" => "Land",
        "street" => Street,
        "houseNumber" => HouseNumber,
        "city" => City,
        "contactName" => ContactName,
        "contactPhone" or "phone" => Phone,
        "email" => Email,
        "oneTimePassword" => "Wachtwoord",
        "company" => "Bedrijfsgegevens",
        _ => "Gegevens van het programma zelf",
    };

    public override string FieldInvalid => "niet juist ingevuld.";
    public override string RetryIn(TimeSpan wait) => wait.TotalMinutes >= 1.5
        ? $"Probeer het over {(int)Math.Ceiling(wait.TotalMinutes)} minuten opnieuw."
        : $"Probeer het over {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} seconden opnieuw.";
    public override string DetailsInLog(string path) => $"Technische details voor de helpdesk staan in {path}.";

    public override string NoCommandWithoutTerminal => "Geen opdracht gegeven en geen terminal: kies een opdracht (demo, register, confirm, recover, status, profile, installations, companies). Zie --help.";
    public override string DemoNeedsEmbeddedServer => "De demo draait op de ingebouwde licentieserver (hij leest de eenmalige wachtwoorden uit de e-mailmap); laat --server weg.";
    public override string BadTrustedKey(string value) => $"--trusted-key '{value}' heeft niet de vorm KID=BASE64URL.";
    public override string BadServerUrl(string value) => $"--server '{value}' is geen volledig http(s)-adres.";
    public override string ServerNeedsTrustedKey => "Met --server hoort ten minste één --trusted-key KID=BASE64URL (de kid en x van een sleutel uit /.well-known/jwks.json van de server, of uit 'keys export').";
    public override string EmbeddedServerFailed => "De ingebouwde licentieserver kon niet worden gestart of antwoordde niet.";
    public override string ReleaseToolFailed => "De release kon niet worden ondertekend of gepubliceerd.";
    public override string InvalidSettings => "De licentie-instellingen zijn ongeldig (controleer --server en --trusted-key).";
    public override string DataFolderUnavailable => "De gegevensmap kon niet worden gelezen of geschreven. Controleer de map (--data-dir) en de rechten.";
    public override string Unexpected => "Er ging onverwacht iets mis.";
    public override string RegisteredTwice => "Hetzelfde bedrijf is twee keer aangemeld.";

    public override string InstallationsTitle => "Computers met deze licentie";
    public override string SeatsSummary(int seats, int used, int movesLeft, DateTimeOffset? nextMoveAt) =>
        $"{used} van {seats} {(seats == 1 ? "plaats" : "plaatsen")} in gebruik. Nog {movesLeft} {(movesLeft == 1 ? "verhuizing" : "verhuizingen")} mogelijk"
        + (nextMoveAt is { } next ? $"; de volgende kan vanaf {When(next)}." : ".");
    public override string ThisComputer => "deze computer";
    public override string NoLabel => "(zonder naam)";
    public override string NeverSeen => "nog niet gezien";
    public override string LabelColumn => "Naam";
    public override string FirstSeenColumn => "In gebruik sinds";
    public override string LastSeenColumn => "Laatst gezien";
    public override string VersionColumn => "Versie";
    public override string ReleaseOne => "Een computer vrijgeven (die gaat dan over op alleen lezen)";
    public override string RenameOne => "Een computer een andere naam geven";
    public override string Which => "Welke computer?";
    public override string NewLabel => "Nieuwe naam (leeg: geen naam)";
    public override string Released(string label) => $"{label} is vrijgegeven. Bij de volgende start ziet die computer dat de licentie is verhuisd.";
    public override string Renamed(string label) => $"De computer heet nu {label}.";
    public override string SeatsFullTitle => "Alle plaatsen zijn bezet";
    public override string SeatsFullIntro => "Uw wachtwoord klopt, maar de licentie is al op alle plaatsen in gebruik. Kies de computer die zijn plaats aan deze computer afstaat; die gaat bij zijn volgende start over op alleen lezen. Uw gegevens blijven daar leesbaar.";
    public override string ReleaseWhich => "Welke computer geeft zijn plaats af?";
    public override string ComputerLabel => "Naam voor deze computer, bijvoorbeeld Kantoor-PC";
    public override string NextMove(DateTimeOffset at) => $"De volgende verhuizing kan vanaf {When(at)}; of vraag de leverancier om een extra verhuizing.";

    public override string SeatsFullOf(string companyName) => $"Alle plaatsen van {companyName} zijn bezet";

    public override string Removing => "Bedrijf van deze computer verwijderen…";
    public override string CompaniesTitle => "Bedrijven op deze computer";
    public override string CurrentCompany => "huidig bedrijf";
    public override string NoCompanies => "Op deze computer staan geen bedrijven.";
    public override string RemoveCompany => "Een bedrijf van deze computer verwijderen";
    public override string RemoveWhich => "Welk bedrijf wilt u van deze computer verwijderen?";
    public override string RemoveQuestion(string companyName) => $"{companyName} van deze computer verwijderen? De plaats van deze computer komt vrij; de licentie blijft van het bedrijf en u kunt het later weer ophalen met 'bestaand bedrijf/account'.";
    public override string RemoveYes => "Ja, van deze computer verwijderen";
    public override string RemoveNo => "Nee, laten staan";
    public override string Removed(string companyName) => $"{companyName} is van deze computer verwijderd.";
    public override string ChooseCompaniesTitle => "Welke bedrijven wilt u op deze computer gebruiken?";
    public override string ChooseCompaniesIntro => "Bij dit e-mailadres horen meerdere bedrijven. Elk bedrijf heeft zijn eigen licentie en telt mee voor zijn eigen plaatsen.";
    public override string ChooseCompaniesHint => "(spatiebalk: aan- of uitvinken, Enter: bevestigen)";
    public override string OnThisComputer => "al op deze computer";
    public override string NoneChosen => "U hebt geen bedrijf gekozen.";
    public override string OtherCompany => "Bedrijven op deze computer (wisselen, toevoegen, verwijderen)";
    public override string ShortState(LicenseStatus status) => status.State switch
    {
        LicenseState.Licensed => "Gelicentieerd",
        LicenseState.Trial => $"Proeflicentie: nog {status.DaysLeft} {(status.DaysLeft == 1 ? "dag" : "dagen")}",
        LicenseState.OfflineGrace => $"Offline: nog {status.DaysLeft} {(status.DaysLeft == 1 ? "dag" : "dagen")}",
        LicenseState.MovedToAnotherInstallation => "Alleen lezen: verhuisd",
        LicenseState.Duplicated => "Alleen lezen: op twee computers tegelijk",
        LicenseState.Suspended => "Alleen lezen: geschorst",
        LicenseState.Revoked => "Alleen lezen: ingetrokken",
        LicenseState.TrialExpired => "Alleen lezen: proefperiode verlopen",
        LicenseState.Expired => "Alleen lezen: verlopen",
        LicenseState.OfflineGraceExpired => "Alleen lezen: te lang offline",
        LicenseState.ClockRolledBack => "Alleen lezen: de klok staat achter",
        LicenseState.Invalid => "Alleen lezen: ongeldig",
        LicenseState.NotChecked => "Nog niet gecontroleerd",
        _ => "Status onbekend",
    };

    private static string When(DateTimeOffset at) => at.ToLocalTime().ToString("d MMMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
}
