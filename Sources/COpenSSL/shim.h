#ifndef FOLIO_COPENSSL_SHIM_H
#define FOLIO_COPENSSL_SHIM_H
#include <openssl/evp.h>
#endif
