/*
 * minijson.h: a small JSON reader for juzhu's C tests (not part of the library).
 * Parses into a tree of nodes that point into the source text; strings are compared raw.
 */
#ifndef MINIJSON_H
#define MINIJSON_H

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef enum { MJ_NULL, MJ_BOOL, MJ_NUM, MJ_STR, MJ_ARR, MJ_OBJ } mj_type;

typedef struct mj_node {
    mj_type type;
    const char *start; /* the value's text (for strings: inside the quotes) */
    size_t len;
    const char *key; /* the member's key inside an object (inside the quotes) */
    size_t key_len;
    struct mj_node *child; /* first element or member */
    struct mj_node *next;  /* next sibling */
} mj_node;

typedef struct {
    const char *s;
    size_t n, i;
    int depth;
} mj_parser;

static void mj_ws(mj_parser *p) {
    while (p->i < p->n && isspace((unsigned char)p->s[p->i])) p->i++;
}

static mj_node *mj_value(mj_parser *p);

static int mj_string(mj_parser *p, const char **start, size_t *len) {
    if (p->i >= p->n || p->s[p->i] != '"') return 0;
    p->i++;
    *start = p->s + p->i;
    while (p->i < p->n && p->s[p->i] != '"') {
        if (p->s[p->i] == '\\') p->i++;
        p->i++;
    }
    if (p->i >= p->n) return 0;
    *len = (size_t)(p->s + p->i - *start);
    p->i++;
    return 1;
}

static void mj_free(mj_node *n) {
    while (n) {
        mj_node *next = n->next;
        mj_free(n->child);
        free(n);
        n = next;
    }
}

static mj_node *mj_new(mj_type t) {
    mj_node *n = (mj_node *)calloc(1, sizeof *n);
    if (n) n->type = t;
    return n;
}

static mj_node *mj_container(mj_parser *p, int object) {
    mj_node *node = mj_new(object ? MJ_OBJ : MJ_ARR), **tail;
    char close = object ? '}' : ']';
    if (!node || ++p->depth > 200) { free(node); return NULL; }
    node->start = p->s + p->i;
    p->i++;
    tail = &node->child;
    mj_ws(p);
    if (p->i < p->n && p->s[p->i] == close) { p->i++; p->depth--; node->len = (size_t)(p->s + p->i - node->start); return node; }
    for (;;) {
        const char *key = NULL;
        size_t key_len = 0;
        mj_node *v;
        mj_ws(p);
        if (object) {
            if (!mj_string(p, &key, &key_len)) goto fail;
            mj_ws(p);
            if (p->i >= p->n || p->s[p->i] != ':') goto fail;
            p->i++;
        }
        v = mj_value(p);
        if (!v) goto fail;
        v->key = key;
        v->key_len = key_len;
        *tail = v;
        tail = &v->next;
        mj_ws(p);
        if (p->i < p->n && p->s[p->i] == ',') { p->i++; continue; }
        if (p->i < p->n && p->s[p->i] == close) { p->i++; break; }
        goto fail;
    }
    p->depth--;
    node->len = (size_t)(p->s + p->i - node->start);
    return node;
fail:
    mj_free(node);
    return NULL;
}

static mj_node *mj_value(mj_parser *p) {
    mj_node *n;
    mj_ws(p);
    if (p->i >= p->n) return NULL;
    switch (p->s[p->i]) {
    case '{': return mj_container(p, 1);
    case '[': return mj_container(p, 0);
    case '"':
        n = mj_new(MJ_STR);
        if (n && !mj_string(p, &n->start, &n->len)) { free(n); return NULL; }
        return n;
    default: break;
    }
    if (p->n - p->i >= 4 && !strncmp(p->s + p->i, "null", 4)) { n = mj_new(MJ_NULL); if (n) { n->start = p->s + p->i; n->len = 4; } p->i += 4; return n; }
    if (p->n - p->i >= 4 && !strncmp(p->s + p->i, "true", 4)) { n = mj_new(MJ_BOOL); if (n) { n->start = p->s + p->i; n->len = 4; } p->i += 4; return n; }
    if (p->n - p->i >= 5 && !strncmp(p->s + p->i, "false", 5)) { n = mj_new(MJ_BOOL); if (n) { n->start = p->s + p->i; n->len = 5; } p->i += 5; return n; }
    n = mj_new(MJ_NUM);
    if (!n) return NULL;
    n->start = p->s + p->i;
    while (p->i < p->n && strchr("+-0123456789.eE", p->s[p->i])) p->i++;
    n->len = (size_t)(p->s + p->i - n->start);
    if (n->len == 0) { free(n); return NULL; }
    return n;
}

/* Parses `len` bytes; NULL on malformed input. Free with mj_free. */
static mj_node *mj_parse(const char *s, size_t len) {
    mj_parser p;
    mj_node *root;
    p.s = s; p.n = len; p.i = 0; p.depth = 0;
    root = mj_value(&p);
    mj_ws(&p);
    if (root && p.i != p.n) { mj_free(root); return NULL; }
    return root;
}

static int mj_is(const mj_node *n, const char *text) {
    size_t l = strlen(text);
    return n && n->len == l && !memcmp(n->start, text, l);
}

static mj_node *mj_get(const mj_node *obj, const char *key) {
    mj_node *c;
    size_t l = strlen(key);
    if (!obj || obj->type != MJ_OBJ) return NULL;
    for (c = obj->child; c; c = c->next)
        if (c->key_len == l && !memcmp(c->key, key, l)) return c;
    return NULL;
}

/* Follows a dotted path of keys (and array indexes). */
static mj_node *mj_path(const mj_node *root, const char *path, size_t path_len) {
    const mj_node *cur = root;
    size_t i = 0;
    while (cur && i < path_len) {
        char seg[128];
        size_t j = 0;
        while (i < path_len && path[i] != '.' && j < sizeof seg - 1) seg[j++] = path[i++];
        seg[j] = 0;
        if (i < path_len) i++;
        if (cur->type == MJ_ARR) {
            long k = strtol(seg, NULL, 10);
            mj_node *c = cur->child;
            while (c && k-- > 0) c = c->next;
            cur = c;
        } else {
            cur = mj_get(cur, seg);
        }
    }
    return (mj_node *)cur;
}

static size_t mj_count(const mj_node *n) {
    size_t k = 0;
    const mj_node *c;
    for (c = n ? n->child : NULL; c; c = c->next) k++;
    return k;
}

/* The shared cases' matching: objects match on the keys `expected` lists, arrays element by
   element with equal length, numbers by value, the rest by their text. */
static int mj_matches(const mj_node *actual, const mj_node *expected) {
    const mj_node *e, *a;
    if (!actual || !expected) return 0;
    if (expected->type == MJ_OBJ) {
        if (actual->type != MJ_OBJ) return 0;
        for (e = expected->child; e; e = e->next) {
            char key[128];
            size_t l = e->key_len < sizeof key - 1 ? e->key_len : sizeof key - 1;
            memcpy(key, e->key, l);
            key[l] = 0;
            if (!mj_matches(mj_get(actual, key), e)) return 0;
        }
        return 1;
    }
    if (expected->type == MJ_ARR) {
        if (actual->type != MJ_ARR || mj_count(actual) != mj_count(expected)) return 0;
        for (a = actual->child, e = expected->child; e; a = a->next, e = e->next)
            if (!mj_matches(a, e)) return 0;
        return 1;
    }
    if (actual->type != expected->type) return 0;
    if (expected->type == MJ_NUM) return strtod(actual->start, NULL) == strtod(expected->start, NULL);
    return actual->len == expected->len && !memcmp(actual->start, expected->start, actual->len);
}

#endif
