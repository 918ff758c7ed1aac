/*
 * test_meta.c - title, company and location (src/read/meta*.c): each source
 * and each trap on a small posting written here, then the fixture set in
 * tests/meta/ against tests/meta/expected.tsv.
 */
#include "unit.h"

static jm_doc *posting(const char *name, const char *text)
{
    return parse_doc(text, name, JM_ROLE_POSTING);
}

/* Asserts the three fields of a posting, then frees it. */
static void expect(jm_doc *doc, const char *title, const char *company, const char *location)
{
    assert_string_equal(jm_doc_title(doc), title);
    assert_string_equal(jm_doc_company(doc), company);
    assert_string_equal(jm_doc_location(doc), location);
    jm_doc_free(doc);
}

static void test_boards_and_roles(void **state)
{
    (void)state;
    assert_true(jm_meta_is_board("LinkedIn", 8));
    assert_true(jm_meta_is_board("Dice.com", 8));
    assert_true(jm_meta_is_board("Indeed Jobs", 11));
    assert_true(jm_meta_is_board("Net-Temps", 9));
    assert_true(jm_meta_is_board("Jobs for Humanity", 17));
    assert_true(jm_meta_is_board("Greenhouse", 10));
    assert_false(jm_meta_is_board("Leverage Capital", 16));
    assert_false(jm_meta_is_board("Monsters Inc", 12));
    assert_true(jm_meta_names_role("Senior Softwareentwickler", 25));
    assert_true(jm_meta_names_role("SRE", 3));
    assert_false(jm_meta_names_role("Company Description", 19));
    assert_false(jm_meta_names_role("Spreadsheets", 12)); /* "lead" only as a word */
    assert_false(jm_meta_names_role("Engineering", 11));  /* a department, not a role */
    assert_true(jm_meta_names_role("Engineers", 9));
    assert_true(jm_meta_names_role("Junior Conceptmanager", 21));
    assert_true(jm_meta_is_address("1450 Harbor Boulevard, Suite 200", 32));
    assert_true(jm_meta_is_address("Oakland, CA 94607", 17));
    assert_false(jm_meta_is_address("Platform Engineer", 17));
    assert_true(jm_meta_same("Munchen", 7, "M\xC3\xBCnchen", 8)); /* accents aside */
    assert_int_equal(jm_meta_label("Ubicaci\xC3\xB3n", 10), JM_META_LOCATION);
    assert_true(jm_meta_is_place("Denver, CO", 10)); /* a state, though "Co" is a legal form */
    assert_true(jm_meta_is_place("Reno, NV 89502", 14));
    assert_false(jm_meta_is_place("Acme, Inc.", 10));
    assert_false(jm_meta_is_place("Acme, Co.", 9));
    assert_true(jm_meta_firm_name("PACIFIC CREST COLD STORAGE, INC.", 32));
    assert_true(jm_meta_firm_name("Kranich Logistik GmbH", 21));
    assert_false(jm_meta_firm_name("Sales Engineer AG", 17)); /* names a role */
    assert_false(jm_meta_firm_name("Maintenance Technician II", 25));
    assert_true(jm_meta_company_type("Private", 7));
    assert_true(jm_meta_company_type("Company - Public (NYSE)", 23));
    assert_true(jm_meta_company_type("Self-employed", 13));
    assert_false(jm_meta_company_type("Public Storage", 14));
    assert_true(jm_meta_department("Customer Success", 16));
    assert_false(jm_meta_department("Quality Orchards", 16));
    assert_true(jm_meta_placeholder("Confidential", 12));
    assert_true(jm_meta_placeholder("Undisclosed Company", 19));
    assert_false(jm_meta_placeholder("Confidential Shredding Ltd", 26));
    assert_false(jm_meta_placeholder("Client Solutions Group", 22));
    assert_true(jm_meta_role_count("Multiple roles available", 24));
    assert_true(jm_meta_role_count("3 positions", 11));
    assert_false(jm_meta_role_count("3 devs for VS Code", 18));
    assert_false(jm_meta_role_count("Open Source Engineer", 20));
    assert_false(jm_meta_role_count("Positions", 9));
    assert_true(jm_meta_role_qualifier("Bilingual (Spanish)", 19));
    assert_true(jm_meta_role_qualifier("Night Shift", 11));
    assert_true(jm_meta_role_qualifier("(m/w/d)", 7));
    assert_false(jm_meta_role_qualifier("Spanish Harbour Foods", 21));
    assert_false(jm_meta_role_qualifier("", 0));
    assert_true(jm_meta_is_heading("Position Summary", 16));
    assert_true(jm_meta_is_heading("About the job", 13));
}

static void test_name_before(void **state)
{
    (void)state;
    size_t start;
    const char *glued = "We are scrappy.Acme Corp is looking for you";
    size_t end = (size_t)(strstr(glued, " is looking") - glued);
    assert_int_equal(jm_meta_name_before(glued, end, &start), 9);
    assert_memory_equal(glued + start, "Acme Corp", 9);
    const char *run = "Req 12 Requirements Acme is a software company";
    end = (size_t)(strstr(run, " is a") - run);
    assert_int_equal(jm_meta_name_before(run, end, &start), 4); /* a section word is no name */
    const char *the = "Since 1850 the University seeks a clinical professor";
    end = (size_t)(strstr(the, " seeks") - the);
    assert_int_equal(jm_meta_name_before(the, end, &start), 0);
    const char *inc = "Since then Acme Cold Storage, Inc. is an equal opportunity employer";
    end = (size_t)(strstr(inc, " is an") - inc);
    assert_int_equal(jm_meta_name_before(inc, end, &start), 23);
    assert_memory_equal(inc + start, "Acme Cold Storage, Inc.", 23);
    const char *ours = "Our client is a leading company";
    end = (size_t)(strstr(ours, " is a") - ours);
    assert_int_equal(jm_meta_name_before(ours, end, &start), 0);
}

/* A board is never the employer, wherever it stands: JSON-LD, og:site_name, <title>. */
static void test_board_never_employer(void **state)
{
    (void)state;
    expect(posting("x.html", "<html><head><title>Data Engineer | Indeed.com</title>"
                             "<meta property=\"og:site_name\" content=\"Indeed\">"
                             "<script type=\"application/ld+json\">{\"@type\":\"JobPosting\","
                             "\"title\":\"Data Engineer\",\"hiringOrganization\":"
                             "{\"name\":\"Indeed\"}}</script></head><body>"
                             "<h1>Data Engineer</h1><p>Polder Water Works</p>"
                             "<p>We clean water.</p></body></html>"),
           "Data Engineer", "Polder Water Works", "");
    /* with no other name, no company rather than the board */
    expect(posting("x.html", "<html><head><meta property=\"og:site_name\" content=\"Dice\">"
                             "</head><body><h1>QA Engineer</h1><p>Test things well, with "
                             "care and with Selenium, every day of the week.</p></body></html>"),
           "QA Engineer", "", "");
}

/* A name that metadata gives may start with a section word; one read from the layout may
 * not, and the page's chrome is never a name. */
static void test_structured_names(void **state)
{
    (void)state;
    expect(posting("x.html", "<html><head><script type=\"application/ld+json\">{\"@type\":"
                             "\"JobPosting\",\"title\":\"Tester\",\"hiringOrganization\":"
                             "\"Culture Amp\"}</script></head><body><h1>Tester</h1><p>Test "
                             "the survey app before each release.</p></body></html>"),
           "Tester", "Culture Amp", "");
    expect(posting("x.html", "<html><head><meta property=\"og:site_name\" content=\"Careers\">"
                             "</head><body><h1>Tester</h1><p>Requirements</p><p>Test the "
                             "survey app before each release.</p></body></html>"),
           "Tester", "", "");
}

/* A JSON-LD graph names the employer and the place by reference to another of its nodes. */
static void test_jsonld_references(void **state)
{
    (void)state;
    expect(posting("x.html", "<html><head><script type=\"application/ld+json\">{\"@graph\":["
                             "{\"@type\":\"Organization\",\"@id\":\"#org\",\"name\":"
                             "\"Brindle Outdoor\"},{\"@type\":\"Place\",\"@id\":\"#kendal\","
                             "\"address\":{\"addressLocality\":\"Kendal\"}},{\"@type\":"
                             "\"JobPosting\",\"title\":\"Warehouse Lead\",\"hiringOrganization"
                             "\":{\"@id\":\"#org\"},\"jobLocation\":{\"@id\":\"#kendal\"}}]}"
                             "</script></head><body><h1>Warehouse Lead</h1><p>Run the day "
                             "shift.</p></body></html>"),
           "Warehouse Lead", "Brindle Outdoor", "Kendal");
    /* a reference to no node names no one */
    expect(posting("x.html", "<html><head><script type=\"application/ld+json\">{\"@type\":"
                             "\"JobPosting\",\"title\":\"Warehouse Lead\",\"hiringOrganization"
                             "\":{\"@id\":\"#org\"}}</script></head><body><h1>Warehouse Lead"
                             "</h1><p>Run the day shift.</p></body></html>"),
           "Warehouse Lead", "", "");
}

/* Headings of the posting and addresses are never the title. */
static void test_title_traps(void **state)
{
    (void)state;
    /* a letterhead names the firm, and the line under it is the title */
    expect(posting("x.txt", "MARLOW FREIGHT, INC.\nWarehouse Associate\n\nPick and pack "
                            "orders on the day shift.\n"),
           "Warehouse Associate", "MARLOW FREIGHT, INC.", "");
    expect(posting("x.html", "<html><head><meta property=\"og:title\" content=\"Payroll "
                             "Analyst - Granary Foods\"></head><body><h1>Position Summary</h1>"
                             "<p>You run payroll.</p></body></html>"),
           "Payroll Analyst", "Granary Foods", "");
    expect(posting("x.txt", "About the job\nLogistics Coordinator\n\nYou plan trucks.\n"),
           "Logistics Coordinator", "", "");
    expect(posting("x.txt", "88 Quay Street, Suite 4, Auckland 1010\nMarine Electrician\n\n"
                            "You wire boats.\n"),
           "Marine Electrician", "", "");
    /* a section word inside a title that names a role does not reject it */
    expect(posting("x.md", "# Senior Engineer, Developer Experience\n\nBuild our CLI.\n"),
           "Senior Engineer, Developer Experience", "", "");
    /* a heading that opens the document and names a role is its title; a section heading
     * is not */
    expect(posting("x.md", "## Senior Data Engineer\n\n**Fjordline** · Oslo, Norway · "
                           "Full-time\n\nWe build ferry booking software.\n"),
           "Senior Data Engineer", "Fjordline", "Oslo, Norway");
    expect(posting("x.md", "## Requirements\n\n- Python\n- Airflow\n"), "", "", "");
    /* a heading run into its text is no title */
    expect(posting("x.txt", "Position Summary: the analyst keeps our books in order.\n"
                            "Title: Staff Accountant\n"),
           "Staff Accountant", "", "");
}

/* A board's words after a title go; a work arrangement alone is no place. */
static void test_board_words(void **state)
{
    (void)state;
    expect(posting("x.txt", "Java Developer - Glassdoor\n\nWrite services for a claims "
                            "system.\n"),
           "Java Developer", "", "");
    expect(posting("x.txt", "Game Designer - Dice Forge Games\n\nDesign card games.\n"),
           "Game Designer - Dice Forge Games", "", "");
    expect(posting("x.txt", "Cleaner\nLocation: In person\n\nClean offices.\n"), "Cleaner", "", "");
    expect(posting("x.txt", "Cleaner\nWork mode: Hybrid\nLocation: Hybrid\nCity: Bruges, "
                            "Belgium\n\nClean offices.\n"),
           "Cleaner", "", "Bruges, Belgium");
    assert_true(jm_meta_work_mode("On-site", 7));
    assert_true(jm_meta_work_mode("In person", 9));
    assert_false(jm_meta_work_mode("Remote", 6));
}

/* "Acme | Role | Place | …" in either order of role and place; links and pay skipped. */
static void test_header_line(void **state)
{
    (void)state;
    expect(posting("x.html", "Fjordline | https://fjordline.example | Oslo, Norway | "
                             "Senior Android Engineer | $120k<p>We sell ferry tickets.</p>"),
           "Senior Android Engineer", "Fjordline", "Oslo, Norway");
    expect(posting("x.html", "Kettle | Growth Marketer | Remote | ONSITE<p>Tea.</p>"),
           "Growth Marketer", "Kettle", "Remote");
    /* a saved page's navigation above the post is skipped; a header whose parts are
     * mostly names is no navigation, even with a few lower-case words in it */
    expect(posting("x.html", "<p>Hacker News new | past | comments | ask | jobs</p><p>login</p>"
                             "<p>Tarn Labs | Data Engineer | Oslo, Norway</p><p>Maps.</p>"),
           "Data Engineer", "Tarn Labs", "Oslo, Norway");
    expect(posting("x.html", "<p>Kettle | Growth Marketer | remote | onsite</p><p>Tea.</p>"),
           "Growth Marketer", "Kettle", "Remote");
    /* the place between company and role; a company's link in brackets is no part of it */
    expect(posting("x.html", "<p>Tarn Labs (https://tarn.example) | Oslo | Data Engineer</p>"
                             "<p>Maps.</p>"),
           "Data Engineer", "Tarn Labs", "Oslo");
    expect(posting("x.html", "<p>Tarn Labs (tarn.example) | ONSITE | New York City | Data "
                             "Engineer</p><p>Maps.</p>"),
           "Data Engineer", "Tarn Labs", "New York City");
    expect(posting("x.html", "<p>Tarn Labs (Pty.) | Data Engineer | Oslo, Norway</p><p>Maps."
                             "</p>"),
           "Data Engineer", "Tarn Labs (Pty.)", "Oslo, Norway");
    /* a header that names no role gives no title: its place, work mode and "multiple
     * roles" are never one */
    expect(posting("x.html", "<p>Tarn Labs | ONSITE | Oslo, Norway</p><p>Maps.</p>"), "",
           "Tarn Labs", "Oslo, Norway");
    expect(posting("x.html", "<p>Tarn Labs | Multiple roles available | REMOTE or ONSITE</p>"
                             "<p>Maps.</p>"),
           "", "Tarn Labs", "Remote");
    /* a place in the header still goes with a role after it */
    expect(posting("x.html", "<p>Tarn Labs | Oslo, Norway | Data Engineer | Full-time</p>"
                             "<p>Maps.</p>"),
           "Data Engineer", "Tarn Labs", "Oslo, Norway");
    /* a heading with bars and no company in front is not a header line */
    expect(posting("x.md", "# Data Engineer | Platform | Madrid\n\nPipelines.\n"),
           "Data Engineer | Platform | Madrid", "", "");
}

/* The title loses a company or a place glued to it; the place is kept as the location. */
static void test_unglue(void **state)
{
    (void)state;
    expect(posting("x.html", "<html><head><title>Account Manager at Bellhaven | Lever</title>"
                             "</head><body><p>Sell our software to hotels, and keep them "
                             "happy with it.</p></body></html>"),
           "Account Manager", "Bellhaven", "");
    expect(posting("x.txt", "Site Reliability Engineer (Remote, Americas)\nLanternfish\n\n"
                            "Keep it up.\n"),
           "Site Reliability Engineer", "Lanternfish", "Remote");
    expect(posting("x.txt", "Title: Welder - Tidemark Shipyards\nCompany: Tidemark Shipyards\n"),
           "Welder", "Tidemark Shipyards", "");
    expect(posting("x.md", "# Welder: Tidemark Shipyards\n\nCompany: Tidemark Shipyards\n\n"
                           "Weld hulls.\n"),
           "Welder", "Tidemark Shipyards", "");
    /* after a colon, what is not the company stays */
    expect(posting("x.md", "# Welder: Night Shift\n\nCompany: Tidemark Shipyards\n\nWeld "
                           "hulls.\n"),
           "Welder: Night Shift", "Tidemark Shipyards", "");
}

/* Places: the fullest form of the same place; "Remote, X" is a remote job. */
static void test_places(void **state)
{
    (void)state;
    expect(posting("x.html", "<html><head><script type=\"application/ld+json\">"
                             "{\"@type\":\"JobPosting\",\"title\":\"Chemist\","
                             "\"hiringOrganization\":\"Alderbrook Labs\",\"jobLocation\":"
                             "{\"address\":{\"addressLocality\":\"Pune\",\"addressCountry\":"
                             "\"IN\"}}}</script></head><body><h1>Chemist</h1>"
                             "<p>Alderbrook Labs · Pune, Maharashtra, India</p></body></html>"),
           "Chemist", "Alderbrook Labs", "Pune, Maharashtra, India");
    expect(posting("x.md", "---\ntitle: Support Engineer\nlocation: remote,Chicago, IL\n---\n"
                           "Help customers.\n"),
           "Support Engineer", "", "Remote");
    /* a place a few blocks under the title, or the first item of a facts list under it;
     * not a list of skills, and not past the next heading */
    expect(posting("x.html", "<h1>Claims Handler</h1><ul><li>Leeds, United Kingdom</li>"
                             "<li>Full-time</li></ul><p>Handle motor claims from start to end, "
                             "on the phone and by letter.</p>"),
           "Claims Handler", "", "Leeds, United Kingdom");
    expect(posting("x.html", "<h1>Data Engineer</h1><p>Fennel Labs</p><ul><li>Python, Spark "
                             "and Airflow</li></ul><p>Build the pipelines behind our maps.</p>"),
           "Data Engineer", "Fennel Labs", "");
    expect(posting("x.html", "<h1>Data Engineer</h1><p>Fennel Labs</p><h2>Our offices</h2>"
                             "<p>Berlin, Germany</p><p>Build the pipelines behind our maps."
                             "</p>"),
           "Data Engineer", "Fennel Labs", "");
    /* a facts line under the title: its job types aside, the last part is the place and
     * a name before it the company; a line of more names is left alone */
    expect(posting("x.html", "<h1>Line Cook</h1><p>Full-time · Permanent · Leeds</p><p>Cook "
                             "for the lunch crowd, five days a week.</p>"),
           "Line Cook", "", "Leeds");
    expect(posting("x.html", "<h1>Line Cook</h1><p>Saltbox Kitchen · Full-time · Leeds</p>"
                             "<p>Cook for the lunch crowd, five days a week.</p>"),
           "Line Cook", "Saltbox Kitchen", "Leeds");
    expect(posting("x.txt", "Line Cook\n\nSaltbox Kitchen | Leeds, UK | Hybrid | \xC2\xA3"
                            "28,000"
                            "\n\nCook for the lunch crowd.\n"),
           "Line Cook", "Saltbox Kitchen", "Leeds, UK");
    expect(posting("x.html", "<h1>Line Cook</h1><p>Kitchen · Brunch Team · Full-time · Leeds"
                             "</p><p>Cook for the lunch crowd, five days a week.</p>"),
           "Line Cook", "", "");
    /* a department under the title is no employer; a name with such a word in it is */
    expect(posting("x.html", "<h1>Bookkeeper</h1><p>Finance &amp; Accounting</p><p>Keep the "
                             "books of our farm, with Xero.</p>"),
           "Bookkeeper", "", "");
    expect(posting("x.html", "<h1>Bookkeeper</h1><p>Quality Orchards</p><p>Keep the books of "
                             "our farm, with Xero.</p>"),
           "Bookkeeper", "Quality Orchards", "");
    /* a facts line on the second line under the title */
    expect(posting("x.html", "<h1>Product Designer</h1><p>Tallow</p><p>London, UK · Hybrid</p>"
                             "<p>Design budgeting software for small charities.</p>"),
           "Product Designer", "Tallow", "London, UK");
    /* "at Acme" under the title names the employer */
    expect(posting("x.html", "<h1>Welder</h1><p>at Kilnworth Forge</p><p>Weld gates and "
                             "railings for old houses, by hand.</p>"),
           "Welder", "Kilnworth Forge", "");
    /* a remark after the place goes, a region or a postcode stays */
    expect(posting("x.txt", "Title: Nurse\nLocation: Derby, nights and weekends\n"), "Nurse", "",
           "Derby");
    expect(posting("x.txt", "Title: Nurse\nLocation: Dayton, OH 45414\n"), "Nurse", "",
           "Dayton, OH 45414");
    /* remote or in an office, the office unnamed: a remote job; a named place or a
     * remark on who may apply stays */
    expect(posting("x.txt", "Title: Nurse\nLocation: Onsite or Remote\n"), "Nurse", "", "Remote");
    expect(posting("x.txt", "Title: Nurse\nLocation: Remote or Derby\n"), "Nurse", "",
           "Remote or Derby");
    expect(posting("x.txt", "Title: Nurse\nLocation: Remote (US only)\n"), "Nurse", "",
           "Remote (US only)");
    /* a remote mark in brackets after the title: the brackets go with it */
    expect(posting("x.md", "# Nurse (Derby - Remote)\n\nCare for patients.\n"), "Nurse", "",
           "Remote");
    expect(posting("x.md", "# Nurse (Nights) - Remote\n\nCare for patients.\n"), "Nurse (Nights)",
           "", "Remote");
    /* a place that may also be worked from home: the place */
    expect(posting("x.txt", "Title: Nurse\nLocation: Derby, UK,Remote\n"), "Nurse", "",
           "Derby, UK");
    expect(posting("x.txt", "Title: Nurse\nLocation: Derby; Remote\n"), "Nurse", "", "Derby");
    expect(posting("x.txt", "Title: Nurse\nLocation: Fully Remote\n"), "Nurse", "", "Fully Remote");
    /* a remote flag or tag in front matter */
    expect(posting("x.md", "---\ntitle: Backend Engineer\nhas_remote: true\n---\nRuby.\n"),
           "Backend Engineer", "", "Remote");
    expect(posting("x.md", "---\ntitle: Designer\ntags: [ui, Remote Work]\n---\nFigma.\n"),
           "Designer", "", "Remote");
    /* the place in a page title is no employer */
    expect(posting("x.html", "<html><head><title>Nurse – Bergen – HelseJobs.example</title>"
                             "</head><body><p>Location: Bergen, Norway</p><p>Care for "
                             "patients on the night shift in our ward.</p></body></html>"),
           "Nurse", "", "Bergen, Norway");
}

/* The employer the text names wins over a slot that only a poster fills. */
static void test_employer_in_text(void **state)
{
    (void)state;
    expect(posting("x.txt", "Machinist\nCompany: Ironbridge Recruiting\n\nHollis Gearworks is "
                            "a family-owned manufacturer of gearboxes for wind turbines.\n"
                            "At Hollis Gearworks, we train every machinist on our own CNC "
                            "mills before they run them alone.\n"),
           "Machinist", "Hollis Gearworks", "");
    /* a slot the text also names stays, whatever else the text mentions */
    expect(posting("x.txt", "Machinist\nCompany: Hollis Gearworks\n\nHollis Gearworks "
                            "builds gearboxes with parts from Siemens. Siemens is a large "
                            "company, and Siemens motors drive our test rigs.\n"),
           "Machinist", "Hollis Gearworks", "");
    /* a careers page's copyright names its owner, when nothing else names the employer;
     * a board's does not */
    expect(posting("x.html", "<h1>Bookkeeper</h1><p>Keep the books of our farm, with Xero.</p>"
                             "<p>\xC2\xA9 2025 Sawtooth Orchards \xC2\xB7 Powered by BambooHR"
                             "</p>"),
           "Bookkeeper", "Sawtooth Orchards", "");
    expect(posting("x.html", "<h1>Bookkeeper</h1><p>Keep the books of our farm, with Xero.</p>"
                             "<p>Copyright 2025 Greenhouse Software, Inc.</p>"),
           "Bookkeeper", "", "");
    expect(posting("x.html", "<h1>Bookkeeper</h1><p>Keep the books of our farm, with Xero.</p>"
                             "<p>\xC2\xA9 Copyright 2001-2011, Monster, Inc.</p>"),
           "Bookkeeper", "", "");
    expect(posting("x.html", "<h1>Bookkeeper</h1><p>Keep the books of our farm, with Xero.</p>"
                             "<p>\xC2\xA9 Copyright 2001-2011, Sawtooth Orchards LLC</p>"),
           "Bookkeeper", "Sawtooth Orchards LLC", "");
    /* "About The …" names a firm of two words or more, not the role nor a team */
    expect(posting("x.html", "<h1>Bookkeeper</h1><p>Keep the books of a farm, with Xero.</p>"
                             "<p><b>About The Ledger House:</b></p><p>We keep books.</p>"),
           "Bookkeeper", "The Ledger House", "");
    expect(posting("x.html", "<h1>Bookkeeper</h1><p>Keep the books of a farm, with Xero.</p>"
                             "<p><b>About The Role:</b></p><p>Books.</p><p><b>About The "
                             "Hiring Team:</b></p><p>Four of us.</p>"),
           "Bookkeeper", "", "");
    /* a slot's placeholder names no one */
    expect(posting("x.txt", "Bookkeeper\nCompany's Name: Confidential\n\nKeep the books of "
                            "a farm, with Xero.\n"),
           "Bookkeeper", "", "");
    /* the firm under "Contact Information:" posted the job; a person there did not */
    expect(posting("x.html", "<h1>Bookkeeper</h1><p>Contact Information:</p><p>Fenwick Search "
                             "Ltd</p><p>Keep the books of a farm, with Xero.</p>"),
           "Bookkeeper", "Fenwick Search Ltd", "");
    expect(posting("x.html", "<h1>Bookkeeper</h1><p>Contact:</p><p>Amy Holt</p><p>Keep the "
                             "books of a farm, with Xero.</p>"),
           "Bookkeeper", "", "");
    /* an e-mail's signature: sender, role, then the sender's firm, the only one named */
    expect(posting("x.txt", "Job Title: Payroll Manager\n\nOur client is a large group in the "
                            "north.\n\nKind regards,\n\nAmy Holt\n\nSenior Consultant\n\n"
                            "Fenwick Search\n\nTel: 0161 555 0100\n"),
           "Payroll Manager", "Fenwick Search", "");
    expect(posting("x.txt", "Job Title: Payroll Manager\n\nOur client is a large group in the "
                            "north.\n\nKind regards,\n\nAmy Holt\n\nTel: 0161 555 0100\n"),
           "Payroll Manager", "", "");
    /* no name in the text: a product or a client is not made the employer */
    expect(posting("x.txt", "Data Analyst\n\nPython is a plus for this role, and so is "
                            "dbt. Our client is a leading retail company in the north.\n"),
           "Data Analyst", "", "");
}

/* The block the title came from is the title block; another loses the role. */
static void test_title_block(void **state)
{
    (void)state;
    jm_doc *doc = posting("x.html", "<html><head><title>Welding Inspector | Cobalt Yards</title>"
                                    "</head><body><h1>About us</h1><p>We build ships.</p>"
                                    "</body></html>");
    assert_string_equal(jm_doc_title(doc), "Welding Inspector");
    assert_int_equal(block_at(doc, 0)->kind, JM_BLOCK_TITLE);
    assert_string_equal(block_at(doc, 0)->text, "Welding Inspector");
    assert_int_equal(get(doc, "About us")->kind, JM_BLOCK_HEADING);
    jm_doc_free(doc);
    /* an <h2> that repeats the page's title is its title block: nothing is added */
    doc = posting("x.html", "<html><head><title>Line Cook - Saltbox Kitchen</title></head>"
                            "<body><h2>Line Cook</h2><p>Saltbox Kitchen - Leeds, UK</p>"
                            "<p>Cook.</p></body></html>");
    assert_string_equal(jm_doc_location(doc), "Leeds, UK");
    assert_int_equal(get(doc, "Line Cook")->kind, JM_BLOCK_TITLE);
    assert_int_equal(doc->nblocks, 3);
    jm_doc_free(doc);
}

/* Sentences: the object of "looking for" (capitals given to a small title), an
 * apposition, the role as subject; and what is not a name or a title. */
static void test_prose(void **state)
{
    (void)state;
    expect(posting("x.txt", "We write tax software for farmers and the people who advise "
                            "them on their accounts.\nWe are looking for a highly motivated "
                            "and experienced python developer to join our team.\n"),
           "Python Developer", "", "");
    expect(posting("x.txt", "Our shop floor runs two shifts, and the night shift needs a "
                            "lead.\nBrightline Freight, a leading logistics company, is "
                            "seeking a Dispatch Coordinator to run our night desk.\n"),
           "Dispatch Coordinator", "Brightline Freight", "");
    expect(posting("x.txt", "Our warehouse ships garden tools all over the country, every "
                            "day.\nAs a Warehouse Supervisor, you will lead a team of "
                            "twelve.\n"),
           "Warehouse Supervisor", "", "");
    /* the role's team between it and "you"; not past the sentence's stop */
    expect(posting("x.txt", "Our shops sell boots all over the country, every day.\nAs a Data "
                            "Engineer in the Maps team, you will "
                            "build pipelines.\n"),
           "Data Engineer", "", "");
    expect(posting("x.txt", "Our shops sell boots all over the country, every day.\nAs a Data "
                            "Engineer in the Maps team. Then, you "
                            "will build pipelines.\n"),
           "", "", "");
    /* a role in lower case as the subject, in a sentence glued to the one before it; not
     * when the words before ", you" name no role, nor in a longer phrase */
    expect(posting("x.txt", "We deliver groceries to millions of homes across three "
                            "countries.As a machine learning data scientist, you will build "
                            "our demand models.\n"),
           "Machine Learning Data Scientist", "", "");
    expect(posting("x.txt", "We deliver groceries to millions of homes across three "
                            "countries.As a member of our friendly team, you will build our "
                            "demand models.\n"),
           "", "", "");
    /* no article: the people sought described, then their title in capitals; people in
     * general ("looking for Engineers who") are no title */
    expect(posting("x.txt", "Our consultants solve hard problems for banks and insurers.\nWe "
                            "are looking for experienced, hard-working and talented Principal "
                            "Data Scientists to lead our projects.\n"),
           "Principal Data Scientists", "", "");
    expect(posting("x.txt", "Our consultants solve hard problems for banks and insurers.\nWe "
                            "are always looking for Engineers who love hard problems.\n"),
           "", "", "");
    /* the client an agency names between commas; a description there names no one */
    expect(posting("x.txt", "Job Title: Welder\n\nOur client, eBrick Homes, is seeking the "
                            "following.\n"),
           "Welder", "eBrick Homes", "");
    expect(posting("x.txt", "Job Title: Welder\n\nOur client, a large builder, is seeking the "
                            "following.\n"),
           "Welder", "", "");
    /* a company over its own department, named the same way */
    expect(posting("x.txt", "Job Title: Welder\n\nAt Tidemark Engineering, we build ships "
                            "for the North Sea and its storms.\n\nAt Tidemark, we value "
                            "craft and care in everything we weld.\n"),
           "Welder", "Tidemark", "");
    /* nor is the region after a place's comma */
    expect(posting("x.txt", "Job Title: Welder\n\nOur client in New Brunswick, NJ is seeking "
                            "a Welder for a six month contract.\n"),
           "Welder", "", "");
    /* praise of the person is no part of the title; a place after "in" is no subject */
    expect(posting("x.txt", "Our client in Harrogate is looking for a Strong Payroll "
                            "Administrator to run their monthly payroll.\n"),
           "Payroll Administrator", "", "");
    expect(posting("x.txt", "Inkwell Press is looking for a Copy Editor to join our small "
                            "team in Leeds.\n"),
           "Copy Editor", "Inkwell Press", "");
    /* work from one's home office is remote work; not when it is denied, and a named
     * place wins */
    expect(posting("x.txt", "Warehouse Clerk\n\nYou may work from your home office on most "
                            "days.\n"),
           "Warehouse Clerk", "", "Remote");
    expect(posting("x.txt", "Warehouse Clerk\n\nYou will not work from your home office: you "
                            "will be on the floor.\n"),
           "Warehouse Clerk", "", "");
    expect(posting("x.txt", "Warehouse Clerk\nLocation: Leeds, UK\n\nWork from your home "
                            "office on Fridays.\n"),
           "Warehouse Clerk", "", "Leeds, UK");
    /* where an agency's client is, is the job's place; a company's offices are not */
    expect(posting("x.txt", "Warehouse Clerk\n\nWe recruit for a client located in Leeds, "
                            "West Yorkshire, and you will work Monday to Friday.\n"),
           "Warehouse Clerk", "", "Leeds, West Yorkshire");
    expect(posting("x.txt", "Warehouse Clerk\n\nWe are a company based in Leeds, and our "
                            "offices located in Hull.\n"),
           "Warehouse Clerk", "", "");
    /* a letter's greeting is no title */
    expect(posting("x.txt", "Hello,\n\nWe need a welder for our yard, five days a week.\n"), "", "",
           "");
    /* where the role is based is its place; where the company is, is not */
    expect(posting("x.txt", "Warehouse Clerk\n\nThis role is based in Leeds, West Yorkshire, "
                            "and you will work Monday to Friday.\n"),
           "Warehouse Clerk", "", "Leeds, West Yorkshire");
    expect(posting("x.txt", "Warehouse Clerk\n\nOur firm is based in Leeds, and you will work "
                            "Monday to Friday.\n"),
           "Warehouse Clerk", "", "");
    /* a name starts after the stop that ends the sentence before it, not after an
     * abbreviation in it */
    expect(posting("x.txt", "Dispatcher\n\nWe keep the Western Isles. Ferrol Haulage is a "
                            "logistics company with twenty lorries.\n"),
           "Dispatcher", "Ferrol Haulage", "");
    expect(posting("x.txt", "Dispatcher\n\nWe move freight. Mayfield Bros. Haulage is a "
                            "logistics company with twenty lorries.\n"),
           "Dispatcher", "Mayfield Bros. Haulage", "");
    /* plural people, a product described, a question under "About us": none of them */
    expect(posting("x.md", "## About us\n\nWould you like to work on storage? Quarry is an "
                           "established storage system that serves our organization and "
                           "others. We are looking for Engineers who like it.\n"),
           "", "", "");
}

/* Of a page's <h1>s, the one its <title> repeats: a logo's goes, unless the <title>
 * repeats it. */
static void test_logo_heading(void **state)
{
    (void)state;
    expect(posting("x.html", "<html><head><title>Jobs Plumber Tarn Water</title></head><body>"
                             "<h1>PIPES</h1><p>Jobs in water.</p><h1>Plumber</h1><p>Fix the "
                             "pipes of our flats.</p></body></html>"),
           "Plumber", "", "");
    expect(posting("x.html", "<html><head><title>Tarn Water jobs</title></head><body>"
                             "<h1>Plumber</h1><p>Fix the pipes of our flats.</p><h1>Gas "
                             "Fitter</h1><p>Fit boilers.</p></body></html>"),
           "Plumber", "", "");
    expect(posting("x.html", "<html><head><title>Plumber, then Gas Fitter</title></head><body>"
                             "<h1>Plumber</h1><p>Fix the pipes of our flats.</p><h1>Gas "
                             "Fitter</h1><p>Fit boilers.</p></body></html>"),
           "Plumber", "", "");
}

/* Label lines whose breaks a page lost, each key run into the value before it; a key
 * after a space in a long paragraph is prose. */
static void test_glued_labels(void **state)
{
    (void)state;
    expect(posting("x.txt", "We keep the lights on for three counties and we need help with "
                            "it.Title: Line WorkerLocation: Ely, NVShift: daysRequirementsA "
                            "class A licence and no fear of heights, wind or snow.\n"),
           "Line Worker", "", "Ely, NV");
    expect(posting("x.txt", "We keep the lights on for three counties and we need help with "
                            "it. Location: wherever the storm is, and the crews go with it, "
                            "day or night, in any weather there is up there.\n"),
           "", "", "");
    expect(posting("x.txt", "We write our tools in TypeScript:Deno and Node alike, and our "
                            "services in Go, and we run all of them on three small boxes "
                            "in a cupboard at the office.\n"),
           "", "", "");
}

/* A company overview's type row is no employer, even under a "Company" label. */
static void test_company_type(void **state)
{
    (void)state;
    expect(posting("x.txt", "Line Cook\nCompany - Private\n\nCook for a private members' "
                            "club, where everything is private.\n"),
           "Line Cook", "", "");
    expect(posting("x.txt", "Line Cook\nCompany: Public House Kitchens\n\nCook for a busy "
                            "pub, five days a week.\n"),
           "Line Cook", "Public House Kitchens", "");
}

/* Labels after a dash; a label that may name a category yields to the title block. */
static void test_label_forms(void **state)
{
    (void)state;
    expect(posting("x.txt", "Job Title - Quality Inspector\nLocation - Ghent, Belgium\n\n"
                            "Check parts.\n"),
           "Quality Inspector", "", "Ghent, Belgium");
    expect(posting("x.md", "# Senior QA Engineer\n\nRole:\n\nQA/Test Developer\n\n"
                           "Test things.\n"),
           "Senior QA Engineer", "", "");
    /* a bare hyphen after a label of two words; never inside a word ("Role-based") */
    expect(posting("x.txt", "Job Title-Quality Inspector\n\nCheck parts on the line.\n"),
           "Quality Inspector", "", "");
    expect(posting("x.txt", "Role-Based Access Reviews\n\nWe review who may open which door "
                            "in our plants, every quarter.\n"),
           "Role-Based Access Reviews", "", "");
    /* label lines a Markdown paragraph ran together, each value up to the next key */
    expect(posting("x.md", "**Company:** Fjordline\n**Location:** Oslo, Norway\n**Salary:** "
                           "NOK 750k\n**Job title:** Data Engineer\n\nWe build ferry "
                           "booking software.\n"),
           "Data Engineer", "Fjordline", "Oslo, Norway");
    expect(posting("x.md", "**Job title:** Night Porter 22:00-06:00\n**Company:** Fjordline"
                           "\n\nWe build ferry booking software.\n"),
           "Night Porter 22:00-06:00", "Fjordline", "");
    /* more labels; an unknown one's value is not taken for a byline's place */
    expect(posting("x.txt", "Warehouse Clerk\nJob Location(s): Akron, OH\n\nMove boxes.\n"),
           "Warehouse Clerk", "", "Akron, OH");
    expect(posting("x.txt", "Warehouse Clerk\nBased in: Akron, OH\n\nMove boxes.\n"),
           "Warehouse Clerk", "", "");
    /* labels with accents, and a space before the colon */
    expect(posting("x.txt", "Intitulé du poste : Développeur Java\nSociété : Ardoise\n"
                            "Lieu de travail : Nantes, France\n\nÉcrire du Java.\n"),
           "Développeur Java", "Ardoise", "Nantes, France");
    expect(posting("x.txt", "Role: QA/Test Developer\n\nTest things with care, and write "
                            "down what you find.\n"),
           "QA/Test Developer", "", "");
}

/* Board page titles: "X job at Y in Z", "X - Y - Z"; a post's header with dashes. */
static void test_page_shapes(void **state)
{
    (void)state;
    /* a site's links in front of the title go; a careers page's heading before its
     * owner's name stays with it */
    expect(posting("x.html", "<html><head><title>Find Jobs - Welder Jobs in Hull, UK - Tidemark "
                             "Shipyards</title></head><body><p>Weld hulls and decks on "
                             "our slipway.</p></body></html>"),
           "Welder", "Tidemark Shipyards", "Hull, UK");
    expect(posting("x.html", "<html><head><title>Careers - Tidemark Shipyards</title></head>"
                             "<body><h1>Welder</h1><p>Weld hulls and decks on our slipway."
                             "</p></body></html>"),
           "Welder", "Tidemark Shipyards", "");
    expect(posting("x.html", "<html><head><title>Pastry Chef job at Millstone Bakery in "
                             "Galway, Ireland</title></head><body><p>Bake bread and cakes "
                             "before dawn, six days a week.</p></body></html>"),
           "Pastry Chef", "Millstone Bakery", "Galway, Ireland");
    expect(posting("x.html", "<html><head><title>Tax Accountant - Fenwick Partners - Leeds, "
                             "UK | Indeed.com</title></head><body><p>Prepare returns for "
                             "small firms and their owners.</p></body></html>"),
           "Tax Accountant", "Fenwick Partners", "Leeds, UK");
    /* a title with dashes of its own, whole in a heading: the page title's last dash is no
     * company's */
    expect(posting("x.html", "<html><head><title>Embedded Engineer - C/C++ - Linux - Device "
                             "Drivers - GNU - Android - C coding job in San Jose, CA</title>"
                             "</head><body><h1>Embedded Engineer - C/C++ - Linux - Device "
                             "Drivers - GNU - Android - C coding: Tidemark Systems</h1><p>Company:"
                             " Tidemark Systems</p><p>Write drivers for our boards.</p></body>"
                             "</html>"),
           "Embedded Engineer - C/C++ - Linux - Device Drivers - GNU - Android - C coding",
           "Tidemark Systems", "San Jose, CA");
    /* " JOB IN " in capitals is the same cue (fuzz: it once read from a NULL place) */
    expect(posting("x.html", "<html><head><title>LEAD PAYROLL CLERK - GRANITE MUTUAL JOB IN "
                             "BOISE, ID</title></head><body><p>Run the weekly payroll for "
                             "our four branches.</p></body></html>"),
           "LEAD PAYROLL CLERK", "GRANITE MUTUAL", "BOISE, ID");
    /* a seniority after a dash is the title's, no company */
    expect(posting("x.html", "<html><head><title>Systems Administrator - Sr</title></head>"
                             "<body><p>Keep our servers patched and our backups tested.</p>"
                             "</body></html>"),
           "Systems Administrator - Sr", "", "");
    expect(posting("x.html", "<html><head><title>Dice.com - Java Developer - Austin, TX</title>"
                             "</head><body><p>Write services for a claims system that many "
                             "insurers use.</p></body></html>"),
           "Java Developer", "", "Austin, TX");
    expect(posting("x.html", "<html><head><title>Welder Job in Tulsa, OK - Ridgeline "
                             "Fabrication - CareerBuilder.com</title></head><body><p>Weld "
                             "steel frames for trailers in our shop.</p></body></html>"),
           "Welder", "Ridgeline Fabrication", "Tulsa, OK");
    expect(posting("x.html", "<html><head><title>Serveur (H/F) | Carrières chez Brasserie "
                             "Lumière</title></head><body><p>Servir en salle, midi et soir, "
                             "cinq jours par semaine.</p></body></html>"),
           "Serveur (H/F)", "Brasserie Lumière", "");
    expect(posting("x.html", "<html><head><title>Kilnworth Forge is hiring a Remote Data "
                             "Engineer</title></head><body><p>Move our data from the furnaces "
                             "to the warehouse.</p></body></html>"),
           "Data Engineer", "Kilnworth Forge", "Remote");
    expect(posting("x.html", "<html><head><title>Welder job in Tulsa, OK | Ridgeline "
                             "Fabrication</title></head><body><p>Weld steel frames for "
                             "trailers in our shop.</p></body></html>"),
           "Welder", "Ridgeline Fabrication", "Tulsa, OK");
    expect(posting("x.html", "<html><head><title>Welder in Tulsa, OK | Careers at Ridgeline "
                             "Fabrication</title></head><body><p>Weld steel frames for "
                             "trailers in our shop.</p></body></html>"),
           "Welder", "Ridgeline Fabrication", "Tulsa, OK");
    /* "in Test" is no place: the title keeps it */
    expect(posting("x.html", "<html><head><title>Software Engineer in Test | Ridgeline "
                             "Fabrication</title></head><body><p>Test the software that runs "
                             "our welding robots.</p></body></html>"),
           "Software Engineer in Test", "Ridgeline Fabrication", "");
    expect(posting("x.html", "<html><head><title>Lagerist (m/w/d) bei Falkenhof GmbH</title>"
                             "</head><body><p>Ware annehmen und einlagern, im Team von "
                             "zw\xC3\xB6lf Leuten.</p></body></html>"),
           "Lagerist (m/w/d)", "Falkenhof GmbH", "");
    expect(posting("x.html", "<html><head><title>We are hiring a Tour Guide | Fellwalk Tours"
                             "</title></head><body><p>Walk people up hills and tell them "
                             "about what they see.</p></body></html>"),
           "Tour Guide", "Fellwalk Tours", "");
    /* the part that names a role is the title, wherever it stands; a part that only
     * qualifies the role stays with it, and a name that starts with such a word is a name */
    expect(posting("x.html", "<html><head><title>Harrow Mills - Textile Buyer</title></head>"
                             "<body><p>Buy cloth for our mills, from yarn to finished bolts."
                             "</p></body></html>"),
           "Textile Buyer", "Harrow Mills", "");
    expect(posting("x.html", "<html><head><title>Billing Clerk - Part-time - Spanish Harbour "
                             "Foods</title></head><body><p>Send out invoices and chase the "
                             "late ones, three days a week.</p></body></html>"),
           "Billing Clerk - Part-time", "Spanish Harbour Foods", "");
    /* "Acme Analyst Job in X" under an <h1> "Analyst": the name before it is the company,
     * but not a level or a role word ("Senior", "Lead") */
    expect(posting("x.html", "<html><head><title>Seaview Bakers Apprentice Baker Job in Cork"
                             "</title></head><body><h1>Apprentice Baker</h1><p>Learn to bake "
                             "bread at night with our head baker.</p></body></html>"),
           "Apprentice Baker", "Seaview Bakers", "Cork");
    expect(posting("x.html", "<html><head><title>Senior Apprentice Baker Job in Cork</title>"
                             "</head><body><h1>Apprentice Baker</h1><p>Learn to bake bread "
                             "at night with our head baker.</p></body></html>"),
           "Apprentice Baker", "", "Cork");
    expect(posting("x.html", "<html><head><title>Lead Apprentice Baker Job in Cork</title>"
                             "</head><body><h1>Apprentice Baker</h1><p>Learn to bake bread "
                             "at night with our head baker.</p></body></html>"),
           "Apprentice Baker", "", "Cork");
    /* a heading that names the company, not a role, does not turn the title round */
    expect(posting("x.html", "<html><head><title>Line Cook - Saltbox Kitchen</title></head>"
                             "<body><h1>Saltbox Kitchen</h1><p>Cook for the lunch crowd, "
                             "five days a week.</p></body></html>"),
           "Line Cook", "Saltbox Kitchen", "");
    expect(posting("x.html", "Saltgrass Energy - Field Technician - Aberdeen, Scotland<p>We "
                             "service offshore turbines.</p>"),
           "Field Technician", "Saltgrass Energy", "Aberdeen, Scotland");
}

/* A resume keeps its name as its title; no page title names its employer. */
static void test_resume(void **state)
{
    (void)state;
    jm_doc *doc = parse_doc("<html><head><title>Ana Ruiz | Portfolio</title></head><body>"
                            "<h1>Ana Ruiz</h1><p>Location: Valencia</p><p>Title: Engineer</p>"
                            "</body></html>",
                            "cv.html", JM_ROLE_RESUME);
    assert_string_equal(jm_doc_title(doc), "Ana Ruiz");
    assert_string_equal(jm_doc_company(doc), "");
    assert_string_equal(jm_doc_location(doc), "Valencia");
    jm_doc_free(doc);
}

/* A page that repeats a label thousands of times is read once, the first value kept. */
static void test_many_labels(void **state)
{
    (void)state;
    struct jm_buf b = {0};
    jm_buf_puts(&b, "Tester\n");
    for (int i = 0; i < 5000; i++)
        jm_buf_printf(&b, "Company: Firm %d\n", i);
    expect(posting("x.txt", b.data), "Tester", "Firm 0", "");
    jm_buf_free(&b);
}

/* Every fixture of tests/meta/ gives the fields its line of expected.tsv names. */
static void test_fixtures(void **state)
{
    (void)state;
    FILE *f = fopen("tests/meta/expected.tsv", "r");
    assert_non_null(f);
    char line[512];
    int checked = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || strncmp(line, "file\t", 5) == 0)
            continue;
        line[strcspn(line, "\n")] = '\0';
        char *field[4] = {line, NULL, NULL, NULL};
        for (int i = 1; i < 4; i++) {
            field[i] = strchr(field[i - 1], '\t');
            assert_non_null(field[i]);
            *field[i]++ = '\0';
        }
        char path[600];
        snprintf(path, sizeof path, "tests/meta/%s", field[0]);
        jm_doc *doc = NULL;
        jm_error err = {0};
        assert_int_equal(jm_doc_read(path, JM_ROLE_POSTING, &doc, &err), JM_OK);
        if (strcmp(jm_doc_title(doc), field[1]) || strcmp(jm_doc_company(doc), field[2]) ||
            strcmp(jm_doc_location(doc), field[3]))
            fail_msg("%s: got \"%s\" / \"%s\" / \"%s\", expected \"%s\" / \"%s\" / \"%s\"",
                     field[0], jm_doc_title(doc), jm_doc_company(doc), jm_doc_location(doc),
                     field[1], field[2], field[3]);
        jm_doc_free(doc);
        checked++;
    }
    fclose(f);
    assert_true(checked >= 20);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_boards_and_roles),
        cmocka_unit_test(test_name_before),
        cmocka_unit_test(test_board_never_employer),
        cmocka_unit_test(test_structured_names),
        cmocka_unit_test(test_jsonld_references),
        cmocka_unit_test(test_title_traps),
        cmocka_unit_test(test_board_words),
        cmocka_unit_test(test_header_line),
        cmocka_unit_test(test_unglue),
        cmocka_unit_test(test_places),
        cmocka_unit_test(test_employer_in_text),
        cmocka_unit_test(test_title_block),
        cmocka_unit_test(test_prose),
        cmocka_unit_test(test_logo_heading),
        cmocka_unit_test(test_glued_labels),
        cmocka_unit_test(test_company_type),
        cmocka_unit_test(test_label_forms),
        cmocka_unit_test(test_page_shapes),
        cmocka_unit_test(test_resume),
        cmocka_unit_test(test_many_labels),
        cmocka_unit_test(test_fixtures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
