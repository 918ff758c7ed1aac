/*
 * fuzz_json.c - libFuzzer target: JSON: a JSON Resume or a schema.org JobPosting (with its HTML
 * description). Then title, company and location (meta.c), sections, and the keywords found in it,
 * reported, as `jobmatch keywords` does. The last byte chooses the role and the report
 * format, and may ask for the format to be sniffed (fuzz.h).
 */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz_load_builtin();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_read(data, size, JM_FORMAT_JSON, "resume.json");
    return 0;
}
