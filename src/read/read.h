/*
 * read/read.h - the readers: bytes in any supported format to a jm_doc.
 *
 * read.c runs them: decode.c makes any input UTF-8 and names its format,
 * then the reader of that format appends blocks (html.c, markdown.c,
 * text.c, json.c; jsonld.c for schema.org JobPostings), and meta.c settles
 * title, company and location. Above this layer only jm_doc_parse and
 * jm_doc_read (jobmatch.h) are used.
 */
#ifndef JM_READ_H
#define JM_READ_H

#include "base.h"
#include "doc.h"

/* ---- decode.c: bytes -> UTF-8 text and a format ------------------------ */

struct jm_input {
    char *text; /* malloc'd UTF-8, NUL-terminated */
    size_t len;
    jm_format format;    /* never JM_FORMAT_AUTO */
    const char *warning; /* static; NULL when none */
};

jm_status jm_input_decode(const char *buf, size_t len, const char *name, jm_format hint,
                          struct jm_input *out, jm_error *err);
/* s[0..n) read as windows-1252 (what Excel on Windows saves a CSV in), as UTF-8 text. */
jm_status jm_input_windows_1252(const char *s, size_t n, struct jm_input *out);

/* ---- html.c ------------------------------------------------------------- */

/* What a whole page says beside its visible text. */
struct jm_html_page {
    /* Set by the caller: does this JSON-LD script hold the whole posting? Then parsing
     * stops after it. NULL: never stop. */
    bool (*complete)(const char *json, size_t n);
    struct jm_buf jsonld; /* the JSON-LD scripts, separated by 0x1E */
    long jsonld_line;     /* where the last one starts */
    struct jm_buf title, og_title, og_site;
    bool saw_h1; /* an <h1> gave the title block */
};

/* Appends the visible text of `s` as blocks; `line0` offsets reported lines. With `page`
 * NULL the text is a fragment (an HTML block in Markdown, a JSON-LD description): no
 * title block, no scripts. */
jm_status jm_html_parse(struct jm_doc *doc, const char *s, size_t n, long line0,
                        struct jm_html_page *page, jm_error *err);
void jm_html_page_free(struct jm_html_page *page);

/* ---- jsonld.c: a schema.org JobPosting ------------------------------------ */

struct cJSON;
/* The first JobPosting object in `root`, searching arrays and @graph; NULL when none. */
const struct cJSON *jm_jsonld_find(const struct cJSON *root);
/* Appends the posting: its title, description and requirement fields; `root`, the JSON it
 * was found in, resolves its "@id" references. `need_body`: add nothing and return false
 * without a real description, so that a teaser does not replace a page. */
bool jm_jsonld_build(struct jm_doc *doc, const struct cJSON *root, const struct cJSON *posting,
                     long line, bool need_body, jm_error *err);
/* A job board's API object saved as a file: `root`, or its one element, when it holds a
 * description and a title ("title", "jobTitle", … or "name" beside a company or place);
 * NULL when not. */
const struct cJSON *jm_job_object_find(const struct cJSON *root);
/* Appends the job's title and description (HTML or text) and its company and location. */
void jm_job_object_build(struct jm_doc *doc, const struct cJSON *job, jm_error *err);
/* Does this JSON-LD hold a JobPosting whose description will replace the page body? */
bool jm_jsonld_has_body(const char *s, size_t n);
/* Replaces the blocks from `body_start` on by the page's JSON-LD posting, when one of its
 * scripts carries a real description. */
void jm_jsonld_use(struct jm_doc *doc, const struct jm_html_page *page, size_t body_start,
                   jm_error *err);

/* ---- the other formats ---------------------------------------------------- */

jm_status jm_markdown_parse(struct jm_doc *doc, const char *s, size_t n, jm_error *err);
jm_status jm_text_parse(struct jm_doc *doc, const char *s, size_t n, jm_error *err);
/* JSON Resume, or a schema.org JobPosting, from a .json file. */
jm_status jm_json_parse(struct jm_doc *doc, const char *s, size_t n, jm_error *err);

/* ---- front.c: front matter ----------------------------------------------- */

/* Reads the YAML or TOML front matter at the top of s[0..n) into title, company and place
 * candidates; the offset just past it (its closing line included), or 0 when there is none. */
size_t jm_front_matter_read(struct jm_doc *doc, const char *s, size_t n);

/* ---- meta.c, meta_vocab.c: title, company, location ---------------------- */

/*
 * Title, company and location are decided in one place (meta.c) among candidates, each
 * with the source it was read from; the score of a source is in meta.c's one table.
 */
enum jm_meta { JM_META_TITLE, JM_META_COMPANY, JM_META_LOCATION, JM_META_NONE };

enum jm_meta_source {
    JM_SRC_FRONT,      /* front matter, a JSON Resume's name */
    JM_SRC_FLAG,       /* a front-matter flag: "remote: true" */
    JM_SRC_JSONLD,     /* a schema.org JobPosting */
    JM_SRC_LABEL,      /* "Company: Acme", or a "Company" cell followed by its value */
    JM_SRC_FIELD,      /* a label that may name a category: "Role: QA/Test Developer" */
    JM_SRC_HEADER,     /* a board post's first line: "Acme | Engineer | Berlin" */
    JM_SRC_LETTERHEAD, /* a document's first line naming a firm: "ACME STORAGE, INC." */
    JM_SRC_TITLE,      /* the title block: the first <h1> or # heading, a text's first line */
    JM_SRC_UNDER,      /* the short line right under the title block */
    JM_SRC_BADGE,      /* a place marked with a pin or a globe near the top */
    JM_SRC_PAGE,       /* the page's og:title or <title>, split */
    JM_SRC_SITE,       /* og:site_name */
    JM_SRC_SUFFIX,     /* a place glued to a title: "Engineer - Remote (EU)" */
    JM_SRC_HIRING,     /* "Acme is looking for a Data Engineer" */
    JM_SRC_IS_COMPANY, /* "Acme is a … company" */
    JM_SRC_US,         /* "At Acme, we …", "We at Acme", "Join Acme" */
    JM_SRC_ABOUT,      /* an "About Acme" heading */
    JM_SRC_DESCRIBED,  /* the subject opening a company description: "Acme builds …" */
    JM_SRC_STATED,     /* a sentence saying where: "This is a fully remote role" */
    JM_SRC_POSTER,     /* who posted it: "© 2025 Acme Inc.", an e-mail's signature */
    JM_SRC_COUNT
};

struct jm_meta_cand {
    enum jm_meta field;
    enum jm_meta_source src;
    const char *text; /* in the document's arena, whitespace collapsed, trimmed */
    size_t len;
    long block;   /* the index of the block it was read from; -1 for none */
    int mentions; /* company: how often the running text names it */
};

/* Enough candidates for any page, and a bound on the work of deciding among them. */
enum { JM_META_MAX_CANDIDATES = 128 };

struct jm_meta_list {
    struct jm_meta_cand *v;
    size_t n, cap;
};

/* Proposes a value for `field`; it is cleaned of quotes and the words boards wrap it in. */
void jm_meta_add(struct jm_doc *doc, enum jm_meta field, enum jm_meta_source src, long block,
                 const char *s, size_t n);
/* The field a label names ("Job title", "Employer", "companyName"; any case, no colon). */
enum jm_meta jm_meta_label(const char *s, size_t n);
/* A "Label: value" line (front matter, a text header), the key ended by one of `seps`:
 * proposes its value from `src`; false when it names no field. */
bool jm_meta_line(struct jm_doc *doc, const char *s, size_t n, const char *seps,
                  enum jm_meta_source src, long block);
/* JM_SRC_LABEL, or JM_SRC_FIELD for a label that may name a category ("Role"). */
enum jm_meta_source jm_meta_label_source(const char *s, size_t n);
/* A front-matter tag ("remote-work", "Allows remote") that says where the job is. */
void jm_meta_tag(struct jm_doc *doc, const char *s, size_t n);
/* "Inc", "LLC", "GmbH": a legal form opening s[0..n) ("Acme, Inc." is a name, no place). */
bool jm_meta_legal_form(const char *s, size_t n);
/* "Pacific Crest Cold Storage, Inc.", "Kranich Logistik GmbH": a name ending in a legal
 * form, naming no role? */
bool jm_meta_firm_name(const char *s, size_t n);
/* "Remote", "On-site San Francisco, CA", "Berlin, Germany": does it read as a place? */
bool jm_meta_is_place(const char *s, size_t n);
/* "Plano, TX", "San Diego, CA": a city and its state's code, nothing that names a role. */
bool jm_meta_city_region(const char *s, size_t n);
/* Where "Engineer - Remote", "Engineer (Remote, EU)" end as a title: the offset of the
 * remote part, or n when there is none. */
size_t jm_meta_remote_suffix(const char *s, size_t n);
/* Is this name a job board or an applicant tracking system, never an employer? */
bool jm_meta_is_board(const char *s, size_t n);
/* The same name when case, punctuation and spacing are set aside? */
bool jm_meta_same(const char *a, size_t na, const char *b, size_t nb);
/* Does a job title name a role ("engineer", "analyst", "Entwickler")? */
bool jm_meta_names_role(const char *s, size_t n);
/* A department's name alone: "Finance & Accounting", "Customer Success"? */
bool jm_meta_department(const char *s, size_t n);
/* A job type alone, in any of the label languages: "Full-time", "Vollzeit", "CDI"? */
bool jm_meta_job_type(const char *s, size_t n);
/* A work arrangement alone, how and not where: "On-site", "Hybrid", "In person"? */
bool jm_meta_work_mode(const char *s, size_t n);
/* A company's type, not its name: "Private", "Company - Public (NYSE)", "Nonprofit"? */
bool jm_meta_company_type(const char *s, size_t n);
/* Does it only qualify a role, naming no one: "Bilingual (Spanish)", "Night Shift",
 * "Remote", "Part-time", "II", "(m/w/d)"? */
bool jm_meta_role_qualifier(const char *s, size_t n);
/* "Confidential", "Undisclosed Company", "Our client": a slot's word for a name not given. */
bool jm_meta_placeholder(const char *s, size_t n);
/* "Multiple roles available", "Various positions": how many roles, not which; never a title
 * nor a place. */
bool jm_meta_role_count(const char *s, size_t n);
/* Is this text a heading of a posting ("Position Summary", "About the job") or page chrome
 * ("Apply now")? */
bool jm_meta_is_heading(const char *s, size_t n);
/* Is it page chrome or a fixed heading, whole: "Careers", "Apply now", "Job details"? */
bool jm_meta_is_chrome(const char *s, size_t n);
/* "1200 Main Street, Suite 4", "Springfield, IL 62701": an address, not a title or a name. */
bool jm_meta_is_address(const char *s, size_t n);
/* The first match of `lit` in s[0..n), ASCII case aside; NULL when none. */
const char *jm_meta_find_ci(const char *s, size_t n, const char *lit);
/* The number of words (runs of non-blanks) in s[0..n). */
size_t jm_meta_words(const char *s, size_t n);
/* Picks title, company and location among the candidates, sets them on the document, and
 * makes the title's block the title block. Run once, after the blocks are shaped. */
void jm_meta_decide(struct jm_doc *doc);

/* ---- office.c: DOCX and ODT ------------------------------------------------------ */

/* Reads a Word or OpenDocument text file (a ZIP archive) into `doc`. */
jm_status jm_office_parse(struct jm_doc *doc, const char *buf, size_t n, jm_error *err);

/* ---- pdf.c: PDF through pdftotext ------------------------------------------------ */

/* Reads a PDF into `doc` by running poppler-utils' pdftotext. */
jm_status jm_pdf_parse(struct jm_doc *doc, const char *buf, size_t n, jm_error *err);
/* Lays out pdftotext's -bbox-layout answer `xml` as blocks: jm_pdf_parse's second half,
 * apart so that tests and the fuzz target reach it without running a program. */
jm_status jm_pdf_layout(struct jm_doc *doc, const char *xml, size_t n, jm_error *err);
/* A whole document from a -bbox-layout answer, finished as jm_doc_parse finishes a PDF's.
 * Internal (tests, tests/fuzz): the public way in is jm_doc_parse with the PDF itself. */
jm_status jm_doc_parse_pdf_layout(const char *xml, size_t n, const char *name, jm_role role,
                                  jm_doc **out, jm_error *err);

/* ---- positions.c: the headings of a resume that open a position ------------- */

/* Marks the headings that open a position held or a project (jm_block.position). */
void jm_mark_positions(struct jm_doc *doc);

/* ---- meta_page.c: what a page's <title> and og: tags propose ---------------- */

void jm_meta_page(struct jm_doc *doc, const struct jm_html_page *page);

/* ---- meta_find.c, meta_prose.c: candidates read from the blocks ------------- */

/* The header line of a board post, "Label: value" lines and label cells, the line under
 * the title block and a location badge. */
void jm_meta_find_layout(struct jm_doc *doc);
/* Sentences and headings that name the employer: "Acme is looking for …", "About Acme". */
void jm_meta_find_prose(struct jm_doc *doc);
/* The first capitalised name ending just before s[end] ("… fearless.Acme Corp"), one to
 * four words, none of them a section word; its start in *start, 0 when none. */
size_t jm_meta_name_before(const char *s, size_t end, size_t *start);

#endif
