/* A stand-in for Windows' bcryptprimitives.dll, for the Wine smoke test only (scripts/smoke-artefacts.sh);
 * it is never shipped. Rust's standard library (1.78 and later) gets its random numbers from ProcessPrng in
 * that DLL, which Windows has had since Windows 10 but Debian 12's Wine 8 lacks, so without this datamap.exe
 * cannot even start under that Wine. Wine's RtlGenRandom (advapi32's SystemFunction036) does the work. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
