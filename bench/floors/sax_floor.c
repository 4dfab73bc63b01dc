/*
 * sax_floor: the XML floor of the gatecheck benchmark.
 *
 * Runs libxml2's SAX2 push parser over a file with a zeroed handler that has
 * no callbacks at all, so the time measured is libxml2's tokenizer and
 * well-formedness checking, nothing else. Same setup gatecheck is required to
 * use (docs: xml-json-speed-and-safety.md section 2): xmlCreatePushParserCtxt,
 * xmlCtxtUseOptions(NONET|HUGE), xmlParseChunk fed from 256 KiB read() calls,
 * a handler with initialized = XML_SAX2_MAGIC and non-NULL user_data.
 *
 * Exit status: 0 well-formed, 1 not well-formed, 2 usage or I/O error.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#define CHUNK (256 * 1024)

static char buffer[CHUNK];

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.xml\n", argv[0]);
        return 2;
    }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "sax_floor: %s: %s\n", argv[1], strerror(errno));
        return 2;
    }

    xmlSAXHandler handler;
    memset(&handler, 0, sizeof handler);
    handler.initialized = XML_SAX2_MAGIC;
    int user_data = 0; /* never NULL: with NULL, libxml2 uses the ctxt as user data */

    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&handler, &user_data, NULL, 0, argv[1]);
    if (ctxt == NULL) {
        fprintf(stderr, "sax_floor: cannot create parser context\n");
        return 2;
    }
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_HUGE);

    unsigned long long total = 0;
    for (;;) {
        ssize_t n = read(fd, buffer, CHUNK);
        if (n < 0) {
            if (errno == EINTR) continue;
            fprintf(stderr, "sax_floor: read: %s\n", strerror(errno));
            return 2;
        }
        if (n == 0) break;
        total += (unsigned long long)n;
        if (xmlParseChunk(ctxt, buffer, (int)n, 0) != 0 && !ctxt->wellFormed) break;
    }
    xmlParseChunk(ctxt, NULL, 0, 1);
    int well_formed = ctxt->wellFormed;
    int err = ctxt->errNo;
    close(fd);
    xmlFreeParserCtxt(ctxt);
    xmlCleanupParser();

    if (!well_formed) {
        fprintf(stderr, "sax_floor: %s: not well-formed (libxml2 error %d)\n", argv[1], err);
        return 1;
    }
    printf("{\"bytes\": %llu, \"well_formed\": true}\n", total);
    return 0;
}
