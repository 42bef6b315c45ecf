/* Régie's bundle: OpenCV's BLAS and LAPACK routines, forwarded to NumPy's OpenBLAS.

   OpenCV calls these 19 routines with 32-bit integers (LP64). NumPy's OpenBLAS
   (scipy-openblas64) counts in 64-bit integers (ILP64) and names them scipy_<name>64_.
   Each routine here widens its integer arguments, calls NumPy's, and narrows what comes
   back (pivot indices, info). Character arguments are passed with their hidden Fortran
   lengths, which the callee expects and OpenCV's calls leave out.
   Built by installer/slim.py; see there for why. */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

typedef int64_t wide;

#define EXPORT __attribute__((visibility("default")))

/* ------------------------------------------------------------------ CBLAS gemm */

#define GEMM_REAL(T, x)                                                                   \
    extern void scipy_cblas_##x##gemm64_(int, int, int, wide, wide, wide, T, const T *,   \
                                         wide, const T *, wide, T, T *, wide);            \
    EXPORT void cblas_##x##gemm(int order, int ta, int tb, int m, int n, int k, T alpha,  \
                                const T *a, int lda, const T *b, int ldb, T beta, T *c,   \
                                int ldc) {                                                \
        scipy_cblas_##x##gemm64_(order, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c,  \
                                 ldc);                                                    \
    }

#define GEMM_COMPLEX(x)                                                                   \
    extern void scipy_cblas_##x##gemm64_(int, int, int, wide, wide, wide, const void *,   \
                                         const void *, wide, const void *, wide,          \
                                         const void *, void *, wide);                     \
    EXPORT void cblas_##x##gemm(int order, int ta, int tb, int m, int n, int k,           \
                                const void *alpha, const void *a, int lda, const void *b, \
                                int ldb, const void *beta, void *c, int ldc) {            \
        scipy_cblas_##x##gemm64_(order, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c,  \
                                 ldc);                                                    \
    }

GEMM_REAL(float, s)
GEMM_REAL(double, d)
GEMM_COMPLEX(c)
GEMM_COMPLEX(z)

/* ------------------------------------------------------------------ helpers */

/* A 64-bit pivot or workspace array of `count` entries (at least one), for the callee
   to fill: nothing is read from the caller's. */
static wide *wide_array(wide count) {
    return malloc(sizeof(wide) * (size_t)(count > 0 ? count : 1));
}

static void narrowed(int *dest, const wide *values, wide count) {
    for (wide i = 0; i < count; i++) dest[i] = (int)values[i];
}

static wide least(wide a, wide b) { return a < b ? a : b; }

/* LAPACK's "illegal value" convention, used here when memory runs out: info = -1000. */
#define NO_MEMORY (-1000)

/* ------------------------------------------------------------------ LAPACK */

#define LAPACK_FAMILY(T, x)                                                               \
    extern void scipy_##x##gesv_64_(const wide *, const wide *, T *, const wide *, wide *, \
                                    T *, const wide *, wide *);                           \
    EXPORT void x##gesv_(const int *n, const int *nrhs, T *a, const int *lda, int *ipiv,  \
                         T *b, const int *ldb, int *info) {                               \
        wide N = *n, NRHS = *nrhs, LDA = *lda, LDB = *ldb, INFO = 0;                      \
        wide *piv = wide_array(N);                                                        \
        if (piv == NULL) { *info = NO_MEMORY; return; }                                   \
        scipy_##x##gesv_64_(&N, &NRHS, a, &LDA, piv, b, &LDB, &INFO);                     \
        narrowed(ipiv, piv, N);                                                           \
        free(piv);                                                                        \
        *info = (int)INFO;                                                                \
    }                                                                                     \
                                                                                          \
    extern void scipy_##x##getrf_64_(const wide *, const wide *, T *, const wide *,       \
                                     wide *, wide *);                                     \
    EXPORT void x##getrf_(const int *m, const int *n, T *a, const int *lda, int *ipiv,    \
                          int *info) {                                                    \
        wide M = *m, N = *n, LDA = *lda, INFO = 0, K = least(*m, *n);                     \
        wide *piv = wide_array(K);                                                        \
        if (piv == NULL) { *info = NO_MEMORY; return; }                                   \
        scipy_##x##getrf_64_(&M, &N, a, &LDA, piv, &INFO);                                \
        narrowed(ipiv, piv, K);                                                           \
        free(piv);                                                                        \
        *info = (int)INFO;                                                                \
    }                                                                                     \
                                                                                          \
    extern void scipy_##x##posv_64_(const char *, const wide *, const wide *, T *,        \
                                    const wide *, T *, const wide *, wide *, size_t);     \
    EXPORT void x##posv_(const char *uplo, const int *n, const int *nrhs, T *a,           \
                         const int *lda, T *b, const int *ldb, int *info) {               \
        wide N = *n, NRHS = *nrhs, LDA = *lda, LDB = *ldb, INFO = 0;                      \
        scipy_##x##posv_64_(uplo, &N, &NRHS, a, &LDA, b, &LDB, &INFO, 1);                 \
        *info = (int)INFO;                                                                \
    }                                                                                     \
                                                                                          \
    extern void scipy_##x##potrf_64_(const char *, const wide *, T *, const wide *,       \
                                     wide *, size_t);                                     \
    EXPORT void x##potrf_(const char *uplo, const int *n, T *a, const int *lda,           \
                          int *info) {                                                    \
        wide N = *n, LDA = *lda, INFO = 0;                                                \
        scipy_##x##potrf_64_(uplo, &N, a, &LDA, &INFO, 1);                                \
        *info = (int)INFO;                                                                \
    }                                                                                     \
                                                                                          \
    extern void scipy_##x##gels_64_(const char *, const wide *, const wide *,             \
                                    const wide *, T *, const wide *, T *, const wide *,   \
                                    T *, const wide *, wide *, size_t);                   \
    EXPORT void x##gels_(const char *trans, const int *m, const int *n, const int *nrhs,  \
                         T *a, const int *lda, T *b, const int *ldb, T *work,             \
                         const int *lwork, int *info) {                                   \
        wide M = *m, N = *n, NRHS = *nrhs, LDA = *lda, LDB = *ldb, LWORK = *lwork;        \
        wide INFO = 0;                                                                    \
        scipy_##x##gels_64_(trans, &M, &N, &NRHS, a, &LDA, b, &LDB, work, &LWORK, &INFO,  \
                            1);                                                           \
        *info = (int)INFO;                                                                \
    }                                                                                     \
                                                                                          \
    extern void scipy_##x##geqrf_64_(const wide *, const wide *, T *, const wide *, T *,  \
                                     T *, const wide *, wide *);                          \
    EXPORT void x##geqrf_(const int *m, const int *n, T *a, const int *lda, T *tau,       \
                          T *work, const int *lwork, int *info) {                         \
        wide M = *m, N = *n, LDA = *lda, LWORK = *lwork, INFO = 0;                        \
        scipy_##x##geqrf_64_(&M, &N, a, &LDA, tau, work, &LWORK, &INFO);                  \
        *info = (int)INFO;                                                                \
    }                                                                                     \
                                                                                          \
    extern void scipy_##x##gesdd_64_(const char *, const wide *, const wide *, T *,       \
                                     const wide *, T *, T *, const wide *, T *,           \
                                     const wide *, T *, const wide *, wide *, wide *,     \
                                     size_t);                                             \
    EXPORT void x##gesdd_(const char *jobz, const int *m, const int *n, T *a,             \
                          const int *lda, T *s, T *u, const int *ldu, T *vt,              \
                          const int *ldvt, T *work, const int *lwork, int *iwork_unused,  \
                          int *info) {                                                    \
        wide M = *m, N = *n, LDA = *lda, LDU = *ldu, LDVT = *ldvt, LWORK = *lwork;        \
        wide INFO = 0, K = 8 * least(*m, *n);                                             \
        wide *iw = wide_array(K);                                                         \
        if (iw == NULL) { *info = NO_MEMORY; return; }                                    \
        scipy_##x##gesdd_64_(jobz, &M, &N, a, &LDA, s, u, &LDU, vt, &LDVT, work, &LWORK,  \
                             iw, &INFO, 1);                                               \
        free(iw);                                                                         \
        *info = (int)INFO;                                                                \
    }

LAPACK_FAMILY(float, s)
LAPACK_FAMILY(double, d)

extern void scipy_dgeev_64_(const char *, const char *, const wide *, double *, const wide *,
                            double *, double *, double *, const wide *, double *,
                            const wide *, double *, const wide *, wide *, size_t, size_t);
EXPORT void dgeev_(const char *jobvl, const char *jobvr, const int *n, double *a,
                   const int *lda, double *wr, double *wi, double *vl, const int *ldvl,
                   double *vr, const int *ldvr, double *work, const int *lwork, int *info) {
    wide N = *n, LDA = *lda, LDVL = *ldvl, LDVR = *ldvr, LWORK = *lwork, INFO = 0;
    scipy_dgeev_64_(jobvl, jobvr, &N, a, &LDA, wr, wi, vl, &LDVL, vr, &LDVR, work, &LWORK,
                    &INFO, 1, 1);
    *info = (int)INFO;
}
