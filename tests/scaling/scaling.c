/*
 * scaling.c - every input path of jobmatch is linear in its size (issue 17).
 *
 *   scaling [--table] [KIND...]
 *
 * For each kind of input that fuzzing once found super-linear (a guarded term named
 * thousands of times, unclosed <script> tags, many JSON-LD scripts, many code blocks,
 * JSON Resume highlights, a long list of bullets in match, lint and tailor, a chain of
 * implies, many related groups, long summarize and batch inputs, a posting of many years
 * lines against a resume of many roles), and each reader not named there (DOCX, ODT and PDF
 * through pdftotext, whose time counts), builds the input at 10,000 and at 100,000 units,
 * runs the command on each, and checks that the larger costs less than 25 times the
 * smaller: in the work a test build counts (JM_WORK in base.h: the steps of the loops that
 * once were quadratic, exact and the same on any machine), in CPU time (user + system, of
 * the command alone, so that other processes do not count: this catches what no counter
 * sees, in the libraries too) and in peak memory. Linear work gives about 10 (less, for
 * the fixed cost of loading the dictionaries), quadratic work 100: the bound leaves room
 * for noise either way; n log n gives 12.5. Times are never compared with a constant, only
 * with each other in one run: the smaller input is timed three times and the best kept, the
 * larger once, and twice more only when the first is over the bound (the best of three
 * decides). A command must also exit as expected, or the work was not done. Each kind is
 * one test; the last line is "N passed, N failed".
 *
 * --table runs each kind at 10,000, 30,000 and 100,000 units (best of three) and prints the
 * CPU seconds as a Markdown table, for the release notes.
 *
 *   JOBMATCH           the binary under test (default ./jobmatch; make scaling passes a
 *                      build with -DJM_TEST_HOOKS, which reports its work on standard
 *                      error, where the others are only timed); the inputs are generated
 *                      in a temporary directory, never committed; samples/ is read too
 *   SCALING_CPU_LIMIT  CPU seconds a run may take before it is killed, and fails (60);
 *                      its address space is capped at 4 GB (so no ASan build runs here)
 */
#define _DEFAULT_SOURCE /* wait4 */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <zip.h>

enum { SMALL = 10000, MIDDLE = 30000, LARGE = 100000, MAX_RATIO = 25, TRIES = 3 };

/* ---- the inputs: each writes n units of one shape ------------------------------ */

/* One line of "Go Go Go ...": a guarded term's patterns once ran per mention. */
static void guard_line(FILE *f, long n)
{
    for (long i = 0; i < n; i++)
        fputs("Go ", f);
    fputs("\n", f);
}

/* A resume paragraph naming Go n times. */
static void guard_paragraph(FILE *f, long n)
{
    fputs("# Jane Doe\n\n## Experience\n\n", f);
    for (long i = 0; i < n; i++)
        fputs("Built Go services ", f);
    fputs("\n", f);
}

/* Unclosed <script> tags: the search for each one's end ran to the end of the page. */
static void unclosed_scripts(FILE *f, long n)
{
    fputs("<html><body><p>Python developer</p>", f);
    for (long i = 0; i < n; i++)
        fputs("<script>var a;\n", f);
}

/* JSON-LD scripts: each one's end looked back over all the others. */
static void jsonld_scripts(FILE *f, long n)
{
    fputs("<html><head>", f);
    for (long i = 0; i < n; i++)
        fprintf(f,
                "<script type=\"application/ld+json\">{\"@type\":\"Thing\",\"name\":\"x%ld\"}"
                "</script>\n",
                i);
    fputs("</head><body><p>Python developer</p></body></html>\n", f);
}

/* Code blocks: each one's fence line was found by counting lines from the start. */
static void fenced_blocks(FILE *f, long n)
{
    fputs("# Backend Engineer\n\n", f);
    for (long i = 0; i < n; i++)
        fprintf(f, "```\ncode %ld\n```\n\n", i);
}

static void indented_blocks(FILE *f, long n)
{
    fputs("# Backend Engineer\n\n", f);
    for (long i = 0; i < n; i++)
        fprintf(f, "    code %ld\n\nparagraph %ld\n\n", i, i);
}

/* Highlights with distinct openings: each one's line was searched for in the whole text. */
static void json_highlights(FILE *f, long n)
{
    fputs("{\"basics\": {\"name\": \"Jane Doe\"}, \"work\": [{\"name\": \"Acme\", \"position\": "
          "\"Engineer\", \"startDate\": \"2019-01\", \"highlights\": [",
          f);
    for (long i = 0; i < n; i++)
        fprintf(f, "%s\"Opened %ld ways to ship Python services\"", i ? ", " : "", i);
    fputs("]}]}\n", f);
}

/* One role of n bullets, each naming three keywords of the posting: a pass over each
 * bullet's keywords once read every occurrence of the document. */
static void bullets(FILE *f, long n)
{
    fputs("# Jane Doe\n\n## Experience\n\n### Engineer, Acme, 2019 - 2021\n\n", f);
    for (long i = 0; i < n; i++)
        fprintf(f, "- Python, Docker, Kubernetes %ld\n", i);
}

/* One role of n bullets opening with the same verb: lint's repeated-verb check once
 * compared each bullet with all the others of its role. */
static void verb_bullets(FILE *f, long n)
{
    fputs("# Jane Doe\n\n## Experience\n\n### Engineer, Acme, 2019 - 2021\n\n", f);
    for (long i = 0; i < n; i++)
        fprintf(f, "- Built Python %ld\n", i);
}

/* A chain of implies: every term's closure was stored (quadratic memory). */
static void implies_chain(FILE *f, long n)
{
    fputs("[test]\n\n", f);
    for (long i = 0; i < n; i++) {
        fprintf(f, "Chainterm%ld\n", i);
        if (i + 1 < n)
            fprintf(f, "    implies: Chainterm%ld\n", i + 1);
    }
}

/* Terms each in a related group of its own: each group's members were counted over all. */
static void lone_groups(FILE *f, long n)
{
    fputs("[test]\n\n", f);
    for (long i = 0; i < n; i++)
        fprintf(f, "Loneterm%ld\n    aliases: Lonealias%ld\n    related: group-%ld\n", i, i, i);
}

/* batch --format jsonl lines, as summarize reads them. */
static void jsonl_results(FILE *f, long n)
{
    for (long i = 0; i < n; i++)
        fprintf(f,
                "{\"schema_version\":1,\"path\":\"p%ld.html\",\"error\":null,\"duplicate_of\":null,"
                "\"content_hash\":\"%016lx\",\"score\":50,\"keywords\":[{\"name\":\"Python\","
                "\"category\":\"language\",\"kind\":\"skill\",\"importance\":\"required\","
                "\"weight\":2.0,\"status\":\"missing\"},{\"name\":\"Skill%ld\",\"category\":\"x\","
                "\"kind\":\"skill\",\"importance\":\"preferred\",\"weight\":1.0,\"status\":"
                "\"matched\"}],\"resume\":{\"keywords\":[{\"name\":\"Go\",\"category\":"
                "\"language\",\"kind\":\"skill\"}]}}\n",
                i, (unsigned long)i * 2654435761u, i);
}

/* JSON records on standard input, every tenth a duplicate: each was compared with all. */
static void batch_records(FILE *f, long n)
{
    for (long i = 0; i < n; i++)
        fprintf(f, "{\"id\": \"u%ld\", \"html\": \"<p>Job %ld needs Python</p>\"}\n", i,
                i % 10 == 9 ? i - 1 : i);
}

/* A resume of n dated roles, and a posting of n years lines. */
static void roles(FILE *f, long n)
{
    fputs("# Jane Doe\n\n## Experience\n\n", f);
    for (long i = 0; i < n; i++)
        fprintf(f, "### Engineer %ld, Acme, %ld - %ld\n\n- Built Python %ld\n\n", i, 1990 + i % 30,
                1991 + i % 30, i);
}

static void years_lines(FILE *f, long n)
{
    fputs("# Backend Engineer\n\n## Requirements\n\n", f);
    for (long i = 0; i < n; i++)
        fprintf(f, "- %ld+ years of experience with Python or Java\n", i % 9 + 1);
}

/* A tracker a person kept for years: rows with notes, one new posting to add. */
static void tracker_rows(FILE *f, long n)
{
    fputs("title,company,score,status,notes,key\r\n", f);
    for (long i = 0; i < n; i++)
        fprintf(f,
                "Engineer %ld,Acme %ld,%ld,applied,\"called, then \"\"waited\"\"\",sha:%016lx\r\n",
                i, i, i % 100, i);
}

/* A resume of n bullets as Word's document.xml (packed into a .docx: see `zip_entry`). */
static void docx_bullets(FILE *f, long n)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document "
          "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\n"
          "<w:p><w:r><w:t>Jane Doe</w:t></w:r></w:p>\n<w:p><w:r><w:t>Experience</w:t></w:r></w:p>\n"
          "<w:p><w:r><w:t>Engineer, Acme, 2019 - 2021</w:t></w:r></w:p>\n",
          f);
    for (long i = 0; i < n; i++)
        fprintf(f, "<w:p><w:r><w:t>\u2022 Built Python services %ld</w:t></w:r></w:p>\n", i);
    fputs("</w:body></w:document>\n", f);
}

/* The same as OpenDocument's content.xml, the bullets a list. */
static void odt_bullets(FILE *f, long n)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content "
          "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
          "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body>"
          "<office:text>\n<text:p>Jane Doe</text:p>\n<text:h>Experience</text:h>\n"
          "<text:p>Engineer, Acme, 2019 - 2021</text:p>\n<text:list>\n",
          f);
    for (long i = 0; i < n; i++)
        fprintf(f, "<text:list-item><text:p>Built Python services %ld</text:p></text:list-item>\n",
                i);
    fputs("</text:list></office:text></office:body></office:document-content>\n", f);
}

/* A PDF of n words, ten to a line and 50 lines to a page, in a standard font: pdftotext
 * gives each word its box (90 bytes of XML), so a word is the unit here; 100,000 lines would
 * be 50 MB of its output, over the input limit. */
static void pdf_words(FILE *f, long words)
{
    enum { PER_PAGE = 50 };
    long n = words / 10, pages = n / PER_PAGE + 1, nobj = 3 + 2 * pages;
    long *at = calloc((size_t)nobj + 1, sizeof *at);
    if (at == NULL)
        return;
    fputs("%PDF-1.4\n", f);
    at[1] = ftell(f);
    fputs("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n", f);
    at[2] = ftell(f);
    fputs("2 0 obj << /Type /Pages /Kids [", f);
    for (long p = 0; p < pages; p++)
        fprintf(f, " %ld 0 R", 4 + 2 * p);
    fprintf(f, " ] /Count %ld >> endobj\n", pages);
    at[3] = ftell(f);
    fputs("3 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n", f);
    for (long p = 0; p < pages; p++) {
        char text[PER_PAGE * 128] = "BT /F1 10 Tf 14 TL 50 760 Td\n";
        size_t len = strlen(text);
        for (long i = p * PER_PAGE; i < n && i < (p + 1) * PER_PAGE; i++)
            len += (size_t)snprintf(text + len, sizeof text - len,
                                    "(Built Python services for client %ld with Docker on AWS) "
                                    "Tj T*\n",
                                    i);
        len += (size_t)snprintf(text + len, sizeof text - len, "ET\n");
        at[4 + 2 * p] = ftell(f);
        fprintf(f,
                "%ld 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << "
                "/Font << /F1 3 0 R >> >> /Contents %ld 0 R >> endobj\n",
                4 + 2 * p, 5 + 2 * p);
        at[5 + 2 * p] = ftell(f);
        fprintf(f, "%ld 0 obj << /Length %zu >> stream\n%sendstream endobj\n", 5 + 2 * p, len,
                text);
    }
    long xref = ftell(f);
    fprintf(f, "xref\n0 %ld\n0000000000 65535 f \n", nobj + 1);
    for (long i = 1; i <= nobj; i++)
        fprintf(f, "%010ld 00000 n \n", at[i]);
    fprintf(f, "trailer << /Size %ld /Root 1 0 R >>\nstartxref\n%ld\n%%%%EOF\n", nobj + 1, xref);
    free(at);
}

/* ---- the kinds: an input, the command that reads it, its exit status ------------ */

struct kind {
    const char *name, *ext;
    void (*gen)(FILE *, long);
    const char *argv[8]; /* "@" is the input, "@2" the second input */
    int status;
    bool on_stdin; /* the input is standard input, not an argument */
    const char *ext2;
    void (*gen2)(FILE *, long);
    const char *zip_entry; /* the input is this member of a ZIP archive (DOCX, ODT) */
};

#define POSTING "samples/posting-greenhouse.html"
#define RESUME "samples/resume.md"

static const struct kind kinds[] = {
    {"guard-line", "txt", guard_line, {"keywords", "@"}, 0},
    {"guard-paragraph", "md", guard_paragraph, {"keywords", "--role", "resume", "@"}, 0},
    {"html-unclosed-script", "html", unclosed_scripts, {"keywords", "@"}, 0},
    {"html-jsonld-scripts", "html", jsonld_scripts, {"keywords", "@"}, 0},
    {"markdown-fenced-code", "md", fenced_blocks, {"keywords", "@"}, 0},
    {"markdown-indented-code", "md", indented_blocks, {"keywords", "@"}, 0},
    {"json-resume-highlights", "json", json_highlights, {"keywords", "--role", "resume", "@"}, 0},
    {"bullets-match", "md", bullets, {"match", "@", POSTING}, 0},
    {"bullets-lint", "md", verb_bullets, {"lint", "@"}, 1},
    {"bullets-tailor", "md", bullets, {"tailor", "@", POSTING}, 0},
    {"dict-implies-chain", "dict", implies_chain, {"dict", "check", "@"}, 0},
    {"dict-related-groups", "dict", lone_groups, {"dict", "check", "@"}, 0},
    {"summarize", "jsonl", jsonl_results, {"summarize", "@"}, 0},
    {"batch-stdin-records",
     "jsonl",
     batch_records,
     {"batch", "-q", "-j", "2", "--format", "jsonl", RESUME, "-"},
     0,
     true},
    {"knockout-years-roles", "md", roles, {"tailor", "@", "@2"}, 0, false, "md", years_lines},
    {"tracker-rows", "csv", tracker_rows, {"track", "-q", "--file", "@", RESUME, POSTING}, 0},
    {"docx-bullets",
     "docx",
     docx_bullets,
     {"match", "@", POSTING},
     0,
     .zip_entry = "word/document.xml"},
    {"odt-bullets", "odt", odt_bullets, {"match", "@", POSTING}, 0, .zip_entry = "content.xml"},
    {"pdf-words", "pdf", pdf_words, {"keywords", "--role", "resume", "@"}, 0},
};

enum { NKINDS = sizeof kinds / sizeof *kinds };

/* ---- running ------------------------------------------------------------------- */

struct cost {
    double cpu;  /* seconds, user + system */
    long rss;    /* peak, kB */
    double work; /* what a test build counts (JM_WORK), or -1 */
};

static const char *jobmatch;
static char errors[64];       /* the standard error of the last run */
static rlim_t cpu_limit = 60; /* seconds, for one run */
static char dir[] = "/tmp/jm-scaling-XXXXXX";

/* `data` as member `name` of `z`; it must outlive zip_close. */
static bool add_member(zip_t *z, const char *name, const void *data, size_t n)
{
    zip_source_t *src = zip_source_buffer(z, data, n, 0);
    if (src != NULL && zip_file_add(z, name, src, ZIP_FL_OVERWRITE) >= 0)
        return true;
    zip_source_free(src);
    return false;
}

/* What `gen` writes, as member `entry` of a new ZIP archive at `path` (an ODT's content.xml
 * with the mimetype member that says so). */
static bool write_zip(const char *path, const char *entry, void (*gen)(FILE *, long), long n)
{
    static const char odt[] = "application/vnd.oasis.opendocument.text";
    char *xml = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&xml, &len);
    if (mem == NULL)
        return false;
    gen(mem, n);
    int e;
    zip_t *z = fclose(mem) == 0 ? zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &e) : NULL;
    bool ok = z != NULL &&
              (strcmp(entry, "content.xml") != 0 || add_member(z, "mimetype", odt, strlen(odt))) &&
              add_member(z, entry, xml, len);
    ok = z != NULL && zip_close(z) == 0 && ok;
    free(xml);
    return ok;
}

static bool write_input(const char *path, void (*gen)(FILE *, long), long n, const char *entry)
{
    if (entry != NULL)
        return write_zip(path, entry, gen, n);
    FILE *f = fopen(path, "w");
    if (f == NULL)
        return false;
    gen(f, n);
    return fclose(f) == 0;
}

/* The work a test build reports on the last line of its standard error, or -1. */
static double work_of(const char *path)
{
    char tail[256] = "";
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    if (fseek(f, -(long)sizeof tail + 1, SEEK_END) != 0)
        rewind(f);
    size_t n = fread(tail, 1, sizeof tail - 1, f);
    fclose(f);
    tail[n] = '\0';
    const char *at = strstr(tail, "jobmatch: work ");
    return at ? atof(at + strlen("jobmatch: work ")) : -1;
}

/* Runs kind k on the inputs made for n units; false when it could not run or exited
 * otherwise than expected. */
static bool run(const struct kind *k, const char *in, const char *in2, struct cost *c)
{
    char *argv[12] = {(char *)jobmatch};
    size_t a = 1;
    for (size_t i = 0; i < 8 && k->argv[i]; i++)
        argv[a++] = (char *)(strcmp(k->argv[i], "@") == 0    ? in
                             : strcmp(k->argv[i], "@2") == 0 ? in2
                                                             : k->argv[i]);
    argv[a] = NULL;
    pid_t pid = fork();
    if (pid < 0)
        return false;
    if (pid == 0) {
        /* Quadratic code must fail here, not take the machine: CPU and memory are capped. */
        struct rlimit cpu = {cpu_limit, cpu_limit + 5}, as = {(rlim_t)4 << 30, (rlim_t)4 << 30};
        setrlimit(RLIMIT_CPU, &cpu);
        setrlimit(RLIMIT_AS, &as);
        int null = open("/dev/null", O_RDWR);
        int input = k->on_stdin ? open(in, O_RDONLY) : null;
        int err = open(errors, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (null < 0 || input < 0 || err < 0 || dup2(input, 0) < 0 || dup2(null, 1) < 0 ||
            dup2(err, 2) < 0)
            _exit(127);
        execv(jobmatch, argv);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) != pid)
        return false;
    c->cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
             ru.ru_stime.tv_usec / 1e6;
    c->rss = ru.ru_maxrss;
    c->work = work_of(errors);
    if (WIFSIGNALED(status)) {
        fprintf(stderr, "%s: killed by signal %d (%s)\n", k->name, WTERMSIG(status),
                WTERMSIG(status) == SIGXCPU ? "over the CPU limit" : "out of memory?");
        return false;
    }
    if (WEXITSTATUS(status) != k->status) {
        fprintf(stderr, "%s: exit status %d, expected %d\n", k->name, WEXITSTATUS(status),
                k->status);
        return false;
    }
    return true;
}

/* The best of `tries` runs of kind k at n units (memory: the lowest peak too). */
static bool measure(const struct kind *k, long n, int tries, struct cost *best)
{
    char in[64], in2[64];
    snprintf(in, sizeof in, "%s/%s-%ld.%s", dir, k->name, n, k->ext);
    snprintf(in2, sizeof in2, "%s/%s-%ld-2.%s", dir, k->name, n, k->ext2 ? k->ext2 : "txt");
    if (!write_input(in, k->gen, n, k->zip_entry) ||
        (k->gen2 && !write_input(in2, k->gen2, n, NULL))) {
        fprintf(stderr, "%s: cannot write %s\n", k->name, in);
        return false;
    }
    bool ok = true;
    for (int t = 0; t < tries && ok; t++) {
        struct cost c;
        ok = run(k, in, in2, &c);
        if (ok && (t == 0 || c.cpu < best->cpu))
            best->cpu = c.cpu;
        if (ok && (t == 0 || c.rss < best->rss))
            best->rss = c.rss;
        if (ok && t == 0)
            best->work = c.work; /* the same every time */
    }
    unlink(in);
    unlink(in2);
    return ok;
}

static double ratio(double large, double small)
{
    return large / (small > 0.001 ? small : 0.001);
}

/* One test: kind k grows linearly, in time and in memory. */
static bool check(const struct kind *k)
{
    struct cost small = {0, 0, -1}, large = {0, 0, -1}, again;
    bool ok = measure(k, SMALL, TRIES, &small) && measure(k, LARGE, 1, &large);
    /* A slower run of the large input only ever raises the ratio: retry before failing. */
    for (int t = 1; ok && t < TRIES && ratio(large.cpu, small.cpu) > MAX_RATIO; t++) {
        ok = measure(k, LARGE, 1, &again);
        large.cpu = again.cpu < large.cpu ? again.cpu : large.cpu;
    }
    double time_ratio = ok ? ratio(large.cpu, small.cpu) : 0;
    double mem_ratio = ok ? (double)large.rss / (double)small.rss : 0;
    bool counted = ok && small.work > 0 && large.work >= 0;
    double work_ratio = counted ? large.work / small.work : 0;
    ok = ok && time_ratio <= MAX_RATIO && mem_ratio <= MAX_RATIO && work_ratio <= MAX_RATIO;
    printf("%s: scaling/%s (%dk: %.2f s %ld MB; %dk: %.2f s %ld MB; x%.1f time, x%.1f memory",
           ok ? "ok" : "FAIL", k->name, SMALL / 1000, small.cpu, small.rss >> 10, LARGE / 1000,
           large.cpu, large.rss >> 10, time_ratio, mem_ratio);
    if (counted)
        printf(", x%.1f work", work_ratio);
    printf(")\n");
    fflush(stdout);
    return ok;
}

static void table_row(const struct kind *k)
{
    static const long sizes[] = {SMALL, MIDDLE, LARGE};
    printf("| %-24s |", k->name);
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        struct cost c;
        if (measure(k, sizes[i], TRIES, &c))
            printf(" %8.2f |", c.cpu);
        else
            printf(" %8s |", "failed");
    }
    printf("\n");
    fflush(stdout);
}

static bool wanted(const struct kind *k, int argc, char **argv, int first)
{
    for (int i = first; i < argc; i++)
        if (strcmp(argv[i], k->name) == 0)
            return true;
    return first >= argc;
}

int main(int argc, char **argv)
{
    bool table = argc > 1 && strcmp(argv[1], "--table") == 0;
    int first = table ? 2 : 1;
    jobmatch = getenv("JOBMATCH") ? getenv("JOBMATCH") : "./jobmatch";
    if (getenv("SCALING_CPU_LIMIT"))
        cpu_limit = (rlim_t)atol(getenv("SCALING_CPU_LIMIT"));
    if (mkdtemp(dir) == NULL) {
        perror("scaling: mkdtemp");
        return 2;
    }
    /* One cache of compiled dictionaries for all runs, never the user's. */
    char cache[64];
    snprintf(cache, sizeof cache, "%s/cache", dir);
    snprintf(errors, sizeof errors, "%s/stderr", dir);
    setenv("XDG_CACHE_HOME", cache, 1);
    setenv("LC_ALL", "C", 1);
    unsetenv("JOBMATCH_NO_CACHE");
    setenv("JOBMATCH_TODAY", "2026-01", 1);
    int passed = 0, failed = 0;
    if (table)
        printf("| %-24s | %8s | %8s | %8s |\n|%s|---------:|---------:|---------:|\n",
               "input (CPU seconds)", "10k", "30k", "100k", "--------------------------");
    for (size_t i = 0; i < NKINDS; i++) {
        if (!wanted(&kinds[i], argc, argv, first))
            continue;
        if (table)
            table_row(&kinds[i]);
        else if (check(&kinds[i]))
            passed++;
        else
            failed++;
    }
    char rm[128];
    snprintf(rm, sizeof rm, "rm -rf '%s'", dir);
    if (system(rm) != 0)
        fprintf(stderr, "scaling: could not remove %s\n", dir);
    if (!table)
        printf("%d passed, %d failed\n", passed, failed);
    return failed > 0;
}
