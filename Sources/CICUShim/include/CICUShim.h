// Stable, version-free names for the few ICU C functions Framescope uses.
// ICU renames its symbols per release (ubrk_open_72, ...), which Swift cannot follow; this
// header exposes plain C types only, so Swift never sees ICU's headers or macros.
#ifndef FRAMESCOPE_CICUSHIM_H
#define FRAMESCOPE_CICUSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct FSBreakIterator FSBreakIterator;
typedef struct FSTransliterator FSTransliterator;
typedef struct FSConverter FSConverter;

/// ICU error codes are ints; <= 0 is success (warnings are negative).
static inline int fs_failure(int32_t status) { return status > 0; }

/// kind: 0 = character, 1 = word, 2 = line, 3 = sentence.
FSBreakIterator *fs_break_open(int32_t kind, const char *locale, int32_t *status);
FSBreakIterator *fs_break_clone(const FSBreakIterator *bi, int32_t *status);
void fs_break_close(FSBreakIterator *bi);
/// The text must stay alive and unchanged while the iterator uses it.
void fs_break_set_text(FSBreakIterator *bi, const uint16_t *text, int32_t length, int32_t *status);
int32_t fs_break_first(FSBreakIterator *bi);
/// Returns -1 at the end.
int32_t fs_break_next(FSBreakIterator *bi);
int32_t fs_break_rule_status(const FSBreakIterator *bi);

/// which: 0 = NFC, 1 = NFKC, 2 = NFKC_Casefold, 3 = NFD. Returns the needed length (may exceed
/// capacity: status is then U_BUFFER_OVERFLOW_ERROR = 15).
int32_t fs_normalize(int32_t which, const uint16_t *src, int32_t length,
                     uint16_t *dest, int32_t capacity, int32_t *status);
/// Full case folding (default options).
int32_t fs_fold_case(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);

FSTransliterator *fs_translit_open(const uint16_t *id, int32_t idLength, int32_t *status);
void fs_translit_close(FSTransliterator *t);
/// Transliterates buffer[0..<*length] in place; capacity bounds growth. Returns nothing; *length
/// is updated; status is U_BUFFER_OVERFLOW_ERROR when the result does not fit.
void fs_translit(const FSTransliterator *t, uint16_t *buffer, int32_t *length, int32_t capacity, int32_t *status);

/// Charset detection: writes up to maxMatches candidates (name, confidence 0..100) in ICU's order.
/// Names point to ICU-owned static strings. Returns the number of candidates.
int32_t fs_detect_charsets(const char *bytes, int32_t length, const char **names, int32_t *confidences,
                           int32_t maxMatches, int32_t *status);

/// Converts bytes in `charset` to UTF-16. Every illegal or unmappable byte sequence becomes
/// U+FFFD and is counted in *replaced, its bytes in *replacedBytes. Returns the UTF-16 length
/// written (or needed).
int32_t fs_convert_to_utf16(const char *charset, const char *bytes, int32_t length,
                            uint16_t *dest, int32_t capacity, int32_t *replaced, int32_t *replacedBytes,
                            int32_t *status);

/// Decodes each two-byte sequence of Big5's shape on its own with `charset`: leads 0x81–0xFE,
/// trails 0x40–0x7E then 0xA1–0xFE, in the order of the WHATWG Encoding Standard's Big5 pointer
/// ((lead − 0x81) × 157 + trail − (trail < 0x7F ? 0x40 : 0x62)). out[pointer] is the one code
/// point the converter gives, or 0 when it reports an error or gives anything but one code point.
/// `count` must be 126 × 157 = 19782. Returns the number of pairs mapped.
int32_t fs_big5_pair_table(const char *charset, uint32_t *out, int32_t count, int32_t *status);

/// The canonical ICU name of a charset alias, or NULL if ICU does not know it.
const char *fs_charset_canonical_name(const char *alias, int32_t *status);

/// ICU's version, e.g. "72.1".
const char *fs_icu_version(void);

#ifdef __cplusplus
}
#endif
#endif
