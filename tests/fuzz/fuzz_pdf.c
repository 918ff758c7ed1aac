/*
 * fuzz_pdf.c - libFuzzer target: the layout half of the PDF reader (src/read/pdf.c), which
 * rebuilds paragraphs, list items, headings and columns from pdftotext's -bbox-layout
 * answer (XHTML with a box on every page, flow, block, line and word). Running pdftotext
 * per input would measure poppler's speed, not jobmatch's code, and poppler is fuzzed on
 * its own (OSS-Fuzz): the input is the answer itself, through jm_doc_parse_pdf_layout, an
 * internal entry point. The last byte chooses the role.
 */
#include "fuzz.h"
#include "base.h"
#include "doc.h"
#include "read/read.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz_load_builtin();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jm_role role = fuzz_options(data, size) & 1 ? JM_ROLE_RESUME : JM_ROLE_POSTING;
    jm_doc *doc = NULL;
    if (jm_doc_parse_pdf_layout((const char *)data, size, "resume.pdf", role, &doc, NULL) == JM_OK)
        fuzz_use_doc(doc, JM_REPORT_FORMAT_TEXT);
    return 0;
}
