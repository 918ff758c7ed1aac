/*
 * fuzz_office.c - libFuzzer target: Word (DOCX) and OpenDocument (ODT) text through
 * libzip and libxml2's streaming reader (src/read/office.c), finished and searched for
 * keywords as `jobmatch keywords --role resume` does.
 *
 * An input that is a ZIP archive ("PK\3\4") is read as it is: that reaches the archive
 * checks (damage, bombs, sizes). Mutating deflated parts rarely gives new XML, so any
 * other input is an archive's parts, packed here, uncompressed: its first byte chooses the
 * kind ('O', odd: ODT; 'D', even: DOCX), then comes the content part (content.xml or
 * word/document.xml) and, after a NUL byte, the styles part.
 */
#include <zip.h>

#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz_load_builtin();
    return 0;
}

/* Adds one stored part; false when libzip refuses. */
static bool add_part(zip_t *z, const char *name, const void *data, size_t n)
{
    zip_source_t *s = zip_source_buffer(z, data, n, 0);
    zip_int64_t i = s != NULL ? zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8) : -1;
    if (i < 0) {
        zip_source_free(s);
        return false;
    }
    return zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0) == 0;
}

/* Reads a whole source into malloc'd memory. */
static uint8_t *slurp(zip_source_t *src, size_t *n)
{
    zip_stat_t st;
    if (zip_source_open(src) < 0)
        return NULL;
    uint8_t *buf = NULL;
    if (zip_source_stat(src, &st) == 0 && (buf = malloc(st.size + 1)) != NULL)
        *n = (size_t)zip_source_read(src, buf, st.size);
    zip_source_close(src);
    return buf;
}

/* The archive of the parts in `data` (see the top); NULL when it cannot be built. */
static uint8_t *pack(const uint8_t *data, size_t size, size_t *n)
{
    bool odt = data[0] & 1;
    const uint8_t *content = data + 1, *end = data + size;
    const uint8_t *nul = memchr(content, 0, (size_t)(end - content));
    size_t ncontent = nul ? (size_t)(nul - content) : (size_t)(end - content);
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *z = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
    zip_error_fini(&ze);
    if (z == NULL) {
        zip_source_free(src);
        return NULL;
    }
    zip_source_keep(src); /* zip_close frees the archive, not the bytes it wrote */
    static const char mime[] = "application/vnd.oasis.opendocument.text";
    bool ok = !odt || add_part(z, "mimetype", mime, sizeof mime - 1);
    ok = ok && add_part(z, odt ? "content.xml" : "word/document.xml", content, ncontent);
    if (ok && nul != NULL)
        ok = add_part(z, odt ? "styles.xml" : "word/styles.xml", nul + 1, (size_t)(end - nul - 1));
    uint8_t *buf = NULL;
    if (ok && zip_close(z) == 0)
        buf = slurp(src, n);
    else
        zip_discard(z);
    zip_source_free(src);
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    size_t n = size;
    uint8_t *packed = NULL;
    if (size < 4 || memcmp(data, "PK\3\4", 4) != 0) {
        packed = pack(data, size, &n);
        if (packed == NULL)
            return 0;
    }
    jm_doc *doc = NULL;
    const char *buf = (const char *)(packed ? packed : data);
    if (jm_doc_parse(buf, n, "resume.docx", JM_ROLE_RESUME, JM_FORMAT_DOCX, &doc, NULL) == JM_OK)
        fuzz_use_doc(doc, JM_REPORT_FORMAT_TEXT);
    free(packed);
    return 0;
}
