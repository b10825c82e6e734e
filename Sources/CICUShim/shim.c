// The only C file that includes ICU's headers. Each function forwards to ICU with a stable name.
#include "CICUShim.h"
#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/uchar.h>
#include <unicode/uversion.h>
#include <unicode/ucasemap.h>
#include <unicode/ustring.h>
#include <string.h>
#include <stdio.h>

static const UBreakIteratorType kBreakKinds[] = {UBRK_CHARACTER, UBRK_WORD, UBRK_LINE, UBRK_SENTENCE};

FSBreakIterator *fs_break_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    if (kind < 0 || kind > 3) { *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL; }
    UBreakIterator *bi = ubrk_open(kBreakKinds[kind], locale, NULL, 0, &err);
    *status = err;
    return (FSBreakIterator *)bi;
}

FSBreakIterator *fs_break_clone(const FSBreakIterator *bi, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *copy = ubrk_clone((const UBreakIterator *)bi, &err);
    *status = err;
    return (FSBreakIterator *)copy;
}

void fs_break_close(FSBreakIterator *bi) { ubrk_close((UBreakIterator *)bi); }

void fs_break_set_text(FSBreakIterator *bi, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText((UBreakIterator *)bi, (const UChar *)text, length, &err);
    *status = err;
}

int32_t fs_break_first(FSBreakIterator *bi) { return ubrk_first((UBreakIterator *)bi); }
int32_t fs_break_next(FSBreakIterator *bi) { return ubrk_next((UBreakIterator *)bi); }
int32_t fs_break_rule_status(const FSBreakIterator *bi) { return ubrk_getRuleStatus((UBreakIterator *)bi); }

int32_t fs_normalize(int32_t which, const uint16_t *src, int32_t length,
                     uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = NULL;
    switch (which) {
        case 0: n = unorm2_getNFCInstance(&err); break;
        case 1: n = unorm2_getNFKCInstance(&err); break;
        case 2: n = unorm2_getNFKCCasefoldInstance(&err); break;
        case 3: n = unorm2_getNFDInstance(&err); break;
        default: err = U_ILLEGAL_ARGUMENT_ERROR;
    }
    if (U_FAILURE(err)) { *status = err; return 0; }
    int32_t out = unorm2_normalize(n, (const UChar *)src, length, (UChar *)dest, capacity, &err);
    *status = err;
    return out;
}

int32_t fs_fold_case(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t out = u_strFoldCase((UChar *)dest, capacity, (const UChar *)src, length, U_FOLD_CASE_DEFAULT, &err);
    *status = err;
    return out;
}

FSTransliterator *fs_translit_open(const uint16_t *id, int32_t idLength, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UParseError parseError;
    UTransliterator *t = utrans_openU((const UChar *)id, idLength, UTRANS_FORWARD, NULL, 0, &parseError, &err);
    *status = err;
    return (FSTransliterator *)t;
}

void fs_translit_close(FSTransliterator *t) { utrans_close((UTransliterator *)t); }

void fs_translit(const FSTransliterator *t, uint16_t *buffer, int32_t *length, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t limit = *length;
    utrans_transUChars((const UTransliterator *)t, (UChar *)buffer, length, capacity, 0, &limit, &err);
    *status = err;
}

int32_t fs_detect_charsets(const char *bytes, int32_t length, const char **names, int32_t *confidences,
                           int32_t maxMatches, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&err);
    if (U_FAILURE(err)) { *status = err; return 0; }
    ucsdet_setText(det, bytes, length, &err);
    int32_t found = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(det, &found, &err);
    int32_t n = 0;
    if (U_SUCCESS(err) && matches != NULL) {
        for (int32_t i = 0; i < found && n < maxMatches; i++) {
            UErrorCode e2 = U_ZERO_ERROR;
            const char *name = ucsdet_getName(matches[i], &e2);
            int32_t conf = ucsdet_getConfidence(matches[i], &e2);
            if (U_SUCCESS(e2) && name != NULL) {
                // Names are static strings owned by ICU's recognizers, valid after close.
                names[n] = name;
                confidences[n] = conf;
                n++;
            }
        }
    }
    ucsdet_close(det);
    *status = err;
    return n;
}

/// Where the substituting callback counts: sequences replaced and the bytes they covered.
typedef struct { int32_t sequences; int32_t bytes; } FSReplacements;

/// Counts each illegal/unmappable sequence and its bytes, and substitutes U+FFFD.
static void fs_count_and_substitute(const void *context, UConverterToUnicodeArgs *args,
                                    const char *codeUnits, int32_t length,
                                    UConverterCallbackReason reason, UErrorCode *err) {
    (void)codeUnits;
    if (reason == UCNV_ILLEGAL || reason == UCNV_UNASSIGNED || reason == UCNV_IRREGULAR) {
        FSReplacements *counter = (FSReplacements *)context;
        counter->sequences += 1;
        counter->bytes += length;
        static const UChar replacement[1] = {0xFFFD};
        *err = U_ZERO_ERROR;
        ucnv_cbToUWriteUChars(args, replacement, 1, 0, err);
    }
}

int32_t fs_convert_to_utf16(const char *charset, const char *bytes, int32_t length,
                            uint16_t *dest, int32_t capacity, int32_t *replaced, int32_t *replacedBytes,
                            int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &err);
    if (U_FAILURE(err)) { *status = err; return 0; }
    FSReplacements counter = {0, 0};
    ucnv_setToUCallBack(cnv, fs_count_and_substitute, &counter, NULL, NULL, &err);
    if (U_FAILURE(err)) { ucnv_close(cnv); *status = err; return 0; }
    int32_t out = ucnv_toUChars(cnv, (UChar *)dest, capacity, bytes, length, &err);
    ucnv_close(cnv);
    *replaced = counter.sequences;
    *replacedBytes = counter.bytes;
    *status = err;
    return out;
}

int32_t fs_big5_pair_table(const char *charset, uint32_t *out, int32_t count, int32_t *status) {
    if (count != 126 * 157) { *status = U_ILLEGAL_ARGUMENT_ERROR; return 0; }
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &err);
    if (U_FAILURE(err)) { *status = err; return 0; }
    // Stop at the first illegal or unassigned sequence instead of substituting: an error is a 0.
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    if (U_FAILURE(err)) { ucnv_close(cnv); *status = err; return 0; }
    int32_t mapped = 0, pointer = 0;
    for (int lead = 0x81; lead <= 0xFE; lead++) {
        for (int trail = 0x40; trail <= 0xFE; trail++) {
            if (trail > 0x7E && trail < 0xA1) continue;
            const char pair[2] = {(char)lead, (char)trail};
            UChar units[4];
            UErrorCode e = U_ZERO_ERROR;
            ucnv_resetToUnicode(cnv);
            int32_t n = ucnv_toUChars(cnv, units, 4, pair, 2, &e);
            UChar32 c = 0;
            if (U_SUCCESS(e) && e != U_STRING_NOT_TERMINATED_WARNING && n > 0) {
                int32_t i = 0;
                U16_NEXT(units, i, n, c);
                if (i != n) c = 0;  // more than one code point
            }
            out[pointer++] = (uint32_t)c;
            if (c != 0) mapped++;
        }
    }
    ucnv_close(cnv);
    *status = U_ZERO_ERROR;
    return mapped;
}

const char *fs_charset_canonical_name(const char *alias, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const char *name = ucnv_getCanonicalName(alias, "", &err);
    if (name == NULL || U_FAILURE(err)) {
        err = U_ZERO_ERROR;
        name = ucnv_getAlias(alias, 0, &err);
    }
    *status = err;
    return name;
}

const char *fs_icu_version(void) {
    static char buffer[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo v;
    u_getVersion(v);
    u_versionToString(v, buffer);
    return buffer;
}
