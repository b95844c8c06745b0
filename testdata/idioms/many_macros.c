/* Many distinct macros with operators, nested in one another: the front
 * end's per-unit table of macro bodies grows while a nested macro's body is
 * being read (a use-after-free once, under ASan), and each check must still
 * be understood. */
#include <fcntl.h>
#include <unistd.h>

#define BAD_0(x) ((x) < 0)
#define CHECK_0(x) (BAD_0(x) || (x) == -1)
#define BAD_1(x) ((x) < 0)
#define CHECK_1(x) (BAD_1(x) || (x) == -2)
#define BAD_2(x) ((x) < 0)
#define CHECK_2(x) (BAD_2(x) || (x) == -3)
#define BAD_3(x) ((x) < 0)
#define CHECK_3(x) (BAD_3(x) || (x) == -4)
#define BAD_4(x) ((x) < 0)
#define CHECK_4(x) (BAD_4(x) || (x) == -5)
#define BAD_5(x) ((x) < 0)
#define CHECK_5(x) (BAD_5(x) || (x) == -6)
#define BAD_6(x) ((x) < 0)
#define CHECK_6(x) (BAD_6(x) || (x) == -7)
#define BAD_7(x) ((x) < 0)
#define CHECK_7(x) (BAD_7(x) || (x) == -8)
#define BAD_8(x) ((x) < 0)
#define CHECK_8(x) (BAD_8(x) || (x) == -9)
#define BAD_9(x) ((x) < 0)
#define CHECK_9(x) (BAD_9(x) || (x) == -10)
#define BAD_10(x) ((x) < 0)
#define CHECK_10(x) (BAD_10(x) || (x) == -11)
#define BAD_11(x) ((x) < 0)
#define CHECK_11(x) (BAD_11(x) || (x) == -12)
#define BAD_12(x) ((x) < 0)
#define CHECK_12(x) (BAD_12(x) || (x) == -13)
#define BAD_13(x) ((x) < 0)
#define CHECK_13(x) (BAD_13(x) || (x) == -14)
#define BAD_14(x) ((x) < 0)
#define CHECK_14(x) (BAD_14(x) || (x) == -15)
#define BAD_15(x) ((x) < 0)
#define CHECK_15(x) (BAD_15(x) || (x) == -16)
#define BAD_16(x) ((x) < 0)
#define CHECK_16(x) (BAD_16(x) || (x) == -17)
#define BAD_17(x) ((x) < 0)
#define CHECK_17(x) (BAD_17(x) || (x) == -18)
#define BAD_18(x) ((x) < 0)
#define CHECK_18(x) (BAD_18(x) || (x) == -19)
#define BAD_19(x) ((x) < 0)
#define CHECK_19(x) (BAD_19(x) || (x) == -20)
#define BAD_20(x) ((x) < 0)
#define CHECK_20(x) (BAD_20(x) || (x) == -21)
#define BAD_21(x) ((x) < 0)
#define CHECK_21(x) (BAD_21(x) || (x) == -22)
#define BAD_22(x) ((x) < 0)
#define CHECK_22(x) (BAD_22(x) || (x) == -23)
#define BAD_23(x) ((x) < 0)
#define CHECK_23(x) (BAD_23(x) || (x) == -24)
#define BAD_24(x) ((x) < 0)
#define CHECK_24(x) (BAD_24(x) || (x) == -25)
#define BAD_25(x) ((x) < 0)
#define CHECK_25(x) (BAD_25(x) || (x) == -26)
#define BAD_26(x) ((x) < 0)
#define CHECK_26(x) (BAD_26(x) || (x) == -27)
#define BAD_27(x) ((x) < 0)
#define CHECK_27(x) (BAD_27(x) || (x) == -28)
#define BAD_28(x) ((x) < 0)
#define CHECK_28(x) (BAD_28(x) || (x) == -29)
#define BAD_29(x) ((x) < 0)
#define CHECK_29(x) (BAD_29(x) || (x) == -30)
#define BAD_30(x) ((x) < 0)
#define CHECK_30(x) (BAD_30(x) || (x) == -31)
#define BAD_31(x) ((x) < 0)
#define CHECK_31(x) (BAD_31(x) || (x) == -32)
#define BAD_32(x) ((x) < 0)
#define CHECK_32(x) (BAD_32(x) || (x) == -33)
#define BAD_33(x) ((x) < 0)
#define CHECK_33(x) (BAD_33(x) || (x) == -34)
#define BAD_34(x) ((x) < 0)
#define CHECK_34(x) (BAD_34(x) || (x) == -35)
#define BAD_35(x) ((x) < 0)
#define CHECK_35(x) (BAD_35(x) || (x) == -36)
#define BAD_36(x) ((x) < 0)
#define CHECK_36(x) (BAD_36(x) || (x) == -37)
#define BAD_37(x) ((x) < 0)
#define CHECK_37(x) (BAD_37(x) || (x) == -38)
#define BAD_38(x) ((x) < 0)
#define CHECK_38(x) (BAD_38(x) || (x) == -39)
#define BAD_39(x) ((x) < 0)
#define CHECK_39(x) (BAD_39(x) || (x) == -40)
#define BAD_40(x) ((x) < 0)
#define CHECK_40(x) (BAD_40(x) || (x) == -41)
#define BAD_41(x) ((x) < 0)
#define CHECK_41(x) (BAD_41(x) || (x) == -42)
#define BAD_42(x) ((x) < 0)
#define CHECK_42(x) (BAD_42(x) || (x) == -43)
#define BAD_43(x) ((x) < 0)
#define CHECK_43(x) (BAD_43(x) || (x) == -44)
#define BAD_44(x) ((x) < 0)
#define CHECK_44(x) (BAD_44(x) || (x) == -45)
#define BAD_45(x) ((x) < 0)
#define CHECK_45(x) (BAD_45(x) || (x) == -46)
#define BAD_46(x) ((x) < 0)
#define CHECK_46(x) (BAD_46(x) || (x) == -47)
#define BAD_47(x) ((x) < 0)
#define CHECK_47(x) (BAD_47(x) || (x) == -48)
#define BAD_48(x) ((x) < 0)
#define CHECK_48(x) (BAD_48(x) || (x) == -49)
#define BAD_49(x) ((x) < 0)
#define CHECK_49(x) (BAD_49(x) || (x) == -50)
#define BAD_50(x) ((x) < 0)
#define CHECK_50(x) (BAD_50(x) || (x) == -51)
#define BAD_51(x) ((x) < 0)
#define CHECK_51(x) (BAD_51(x) || (x) == -52)
#define BAD_52(x) ((x) < 0)
#define CHECK_52(x) (BAD_52(x) || (x) == -53)
#define BAD_53(x) ((x) < 0)
#define CHECK_53(x) (BAD_53(x) || (x) == -54)
#define BAD_54(x) ((x) < 0)
#define CHECK_54(x) (BAD_54(x) || (x) == -55)
#define BAD_55(x) ((x) < 0)
#define CHECK_55(x) (BAD_55(x) || (x) == -56)
#define BAD_56(x) ((x) < 0)
#define CHECK_56(x) (BAD_56(x) || (x) == -57)
#define BAD_57(x) ((x) < 0)
#define CHECK_57(x) (BAD_57(x) || (x) == -58)
#define BAD_58(x) ((x) < 0)
#define CHECK_58(x) (BAD_58(x) || (x) == -59)
#define BAD_59(x) ((x) < 0)
#define CHECK_59(x) (BAD_59(x) || (x) == -60)
#define BAD_60(x) ((x) < 0)
#define CHECK_60(x) (BAD_60(x) || (x) == -61)
#define BAD_61(x) ((x) < 0)
#define CHECK_61(x) (BAD_61(x) || (x) == -62)
#define BAD_62(x) ((x) < 0)
#define CHECK_62(x) (BAD_62(x) || (x) == -63)
#define BAD_63(x) ((x) < 0)
#define CHECK_63(x) (BAD_63(x) || (x) == -64)
#define BAD_64(x) ((x) < 0)
#define CHECK_64(x) (BAD_64(x) || (x) == -65)
#define BAD_65(x) ((x) < 0)
#define CHECK_65(x) (BAD_65(x) || (x) == -66)
#define BAD_66(x) ((x) < 0)
#define CHECK_66(x) (BAD_66(x) || (x) == -67)
#define BAD_67(x) ((x) < 0)
#define CHECK_67(x) (BAD_67(x) || (x) == -68)
#define BAD_68(x) ((x) < 0)
#define CHECK_68(x) (BAD_68(x) || (x) == -69)
#define BAD_69(x) ((x) < 0)
#define CHECK_69(x) (BAD_69(x) || (x) == -70)
#define BAD_70(x) ((x) < 0)
#define CHECK_70(x) (BAD_70(x) || (x) == -71)
#define BAD_71(x) ((x) < 0)
#define CHECK_71(x) (BAD_71(x) || (x) == -72)
#define BAD_72(x) ((x) < 0)
#define CHECK_72(x) (BAD_72(x) || (x) == -73)
#define BAD_73(x) ((x) < 0)
#define CHECK_73(x) (BAD_73(x) || (x) == -74)
#define BAD_74(x) ((x) < 0)
#define CHECK_74(x) (BAD_74(x) || (x) == -75)
#define BAD_75(x) ((x) < 0)
#define CHECK_75(x) (BAD_75(x) || (x) == -76)
#define BAD_76(x) ((x) < 0)
#define CHECK_76(x) (BAD_76(x) || (x) == -77)
#define BAD_77(x) ((x) < 0)
#define CHECK_77(x) (BAD_77(x) || (x) == -78)
#define BAD_78(x) ((x) < 0)
#define CHECK_78(x) (BAD_78(x) || (x) == -79)
#define BAD_79(x) ((x) < 0)
#define CHECK_79(x) (BAD_79(x) || (x) == -80)

int open_all(const char *path)
{
    int n = 0;
    {
        int fd0 = open(path, O_RDONLY);
        if (CHECK_0(fd0))
            return -1;
        n += (int)read(fd0, &n, 0);
        close(fd0);
    }
    {
        int fd1 = open(path, O_RDONLY);
        if (CHECK_1(fd1))
            return -1;
        n += (int)read(fd1, &n, 0);
        close(fd1);
    }
    {
        int fd2 = open(path, O_RDONLY);
        if (CHECK_2(fd2))
            return -1;
        n += (int)read(fd2, &n, 0);
        close(fd2);
    }
    {
        int fd3 = open(path, O_RDONLY);
        if (CHECK_3(fd3))
            return -1;
        n += (int)read(fd3, &n, 0);
        close(fd3);
    }
    {
        int fd4 = open(path, O_RDONLY);
        if (CHECK_4(fd4))
            return -1;
        n += (int)read(fd4, &n, 0);
        close(fd4);
    }
    {
        int fd5 = open(path, O_RDONLY);
        if (CHECK_5(fd5))
            return -1;
        n += (int)read(fd5, &n, 0);
        close(fd5);
    }
    {
        int fd6 = open(path, O_RDONLY);
        if (CHECK_6(fd6))
            return -1;
        n += (int)read(fd6, &n, 0);
        close(fd6);
    }
    {
        int fd7 = open(path, O_RDONLY);
        if (CHECK_7(fd7))
            return -1;
        n += (int)read(fd7, &n, 0);
        close(fd7);
    }
    {
        int fd8 = open(path, O_RDONLY);
        if (CHECK_8(fd8))
            return -1;
        n += (int)read(fd8, &n, 0);
        close(fd8);
    }
    {
        int fd9 = open(path, O_RDONLY);
        if (CHECK_9(fd9))
            return -1;
        n += (int)read(fd9, &n, 0);
        close(fd9);
    }
    {
        int fd10 = open(path, O_RDONLY);
        if (CHECK_10(fd10))
            return -1;
        n += (int)read(fd10, &n, 0);
        close(fd10);
    }
    {
        int fd11 = open(path, O_RDONLY);
        if (CHECK_11(fd11))
            return -1;
        n += (int)read(fd11, &n, 0);
        close(fd11);
    }
    {
        int fd12 = open(path, O_RDONLY);
        if (CHECK_12(fd12))
            return -1;
        n += (int)read(fd12, &n, 0);
        close(fd12);
    }
    {
        int fd13 = open(path, O_RDONLY);
        if (CHECK_13(fd13))
            return -1;
        n += (int)read(fd13, &n, 0);
        close(fd13);
    }
    {
        int fd14 = open(path, O_RDONLY);
        if (CHECK_14(fd14))
            return -1;
        n += (int)read(fd14, &n, 0);
        close(fd14);
    }
    {
        int fd15 = open(path, O_RDONLY);
        if (CHECK_15(fd15))
            return -1;
        n += (int)read(fd15, &n, 0);
        close(fd15);
    }
    {
        int fd16 = open(path, O_RDONLY);
        if (CHECK_16(fd16))
            return -1;
        n += (int)read(fd16, &n, 0);
        close(fd16);
    }
    {
        int fd17 = open(path, O_RDONLY);
        if (CHECK_17(fd17))
            return -1;
        n += (int)read(fd17, &n, 0);
        close(fd17);
    }
    {
        int fd18 = open(path, O_RDONLY);
        if (CHECK_18(fd18))
            return -1;
        n += (int)read(fd18, &n, 0);
        close(fd18);
    }
    {
        int fd19 = open(path, O_RDONLY);
        if (CHECK_19(fd19))
            return -1;
        n += (int)read(fd19, &n, 0);
        close(fd19);
    }
    {
        int fd20 = open(path, O_RDONLY);
        if (CHECK_20(fd20))
            return -1;
        n += (int)read(fd20, &n, 0);
        close(fd20);
    }
    {
        int fd21 = open(path, O_RDONLY);
        if (CHECK_21(fd21))
            return -1;
        n += (int)read(fd21, &n, 0);
        close(fd21);
    }
    {
        int fd22 = open(path, O_RDONLY);
        if (CHECK_22(fd22))
            return -1;
        n += (int)read(fd22, &n, 0);
        close(fd22);
    }
    {
        int fd23 = open(path, O_RDONLY);
        if (CHECK_23(fd23))
            return -1;
        n += (int)read(fd23, &n, 0);
        close(fd23);
    }
    {
        int fd24 = open(path, O_RDONLY);
        if (CHECK_24(fd24))
            return -1;
        n += (int)read(fd24, &n, 0);
        close(fd24);
    }
    {
        int fd25 = open(path, O_RDONLY);
        if (CHECK_25(fd25))
            return -1;
        n += (int)read(fd25, &n, 0);
        close(fd25);
    }
    {
        int fd26 = open(path, O_RDONLY);
        if (CHECK_26(fd26))
            return -1;
        n += (int)read(fd26, &n, 0);
        close(fd26);
    }
    {
        int fd27 = open(path, O_RDONLY);
        if (CHECK_27(fd27))
            return -1;
        n += (int)read(fd27, &n, 0);
        close(fd27);
    }
    {
        int fd28 = open(path, O_RDONLY);
        if (CHECK_28(fd28))
            return -1;
        n += (int)read(fd28, &n, 0);
        close(fd28);
    }
    {
        int fd29 = open(path, O_RDONLY);
        if (CHECK_29(fd29))
            return -1;
        n += (int)read(fd29, &n, 0);
        close(fd29);
    }
    {
        int fd30 = open(path, O_RDONLY);
        if (CHECK_30(fd30))
            return -1;
        n += (int)read(fd30, &n, 0);
        close(fd30);
    }
    {
        int fd31 = open(path, O_RDONLY);
        if (CHECK_31(fd31))
            return -1;
        n += (int)read(fd31, &n, 0);
        close(fd31);
    }
    {
        int fd32 = open(path, O_RDONLY);
        if (CHECK_32(fd32))
            return -1;
        n += (int)read(fd32, &n, 0);
        close(fd32);
    }
    {
        int fd33 = open(path, O_RDONLY);
        if (CHECK_33(fd33))
            return -1;
        n += (int)read(fd33, &n, 0);
        close(fd33);
    }
    {
        int fd34 = open(path, O_RDONLY);
        if (CHECK_34(fd34))
            return -1;
        n += (int)read(fd34, &n, 0);
        close(fd34);
    }
    {
        int fd35 = open(path, O_RDONLY);
        if (CHECK_35(fd35))
            return -1;
        n += (int)read(fd35, &n, 0);
        close(fd35);
    }
    {
        int fd36 = open(path, O_RDONLY);
        if (CHECK_36(fd36))
            return -1;
        n += (int)read(fd36, &n, 0);
        close(fd36);
    }
    {
        int fd37 = open(path, O_RDONLY);
        if (CHECK_37(fd37))
            return -1;
        n += (int)read(fd37, &n, 0);
        close(fd37);
    }
    {
        int fd38 = open(path, O_RDONLY);
        if (CHECK_38(fd38))
            return -1;
        n += (int)read(fd38, &n, 0);
        close(fd38);
    }
    {
        int fd39 = open(path, O_RDONLY);
        if (CHECK_39(fd39))
            return -1;
        n += (int)read(fd39, &n, 0);
        close(fd39);
    }
    {
        int fd40 = open(path, O_RDONLY);
        if (CHECK_40(fd40))
            return -1;
        n += (int)read(fd40, &n, 0);
        close(fd40);
    }
    {
        int fd41 = open(path, O_RDONLY);
        if (CHECK_41(fd41))
            return -1;
        n += (int)read(fd41, &n, 0);
        close(fd41);
    }
    {
        int fd42 = open(path, O_RDONLY);
        if (CHECK_42(fd42))
            return -1;
        n += (int)read(fd42, &n, 0);
        close(fd42);
    }
    {
        int fd43 = open(path, O_RDONLY);
        if (CHECK_43(fd43))
            return -1;
        n += (int)read(fd43, &n, 0);
        close(fd43);
    }
    {
        int fd44 = open(path, O_RDONLY);
        if (CHECK_44(fd44))
            return -1;
        n += (int)read(fd44, &n, 0);
        close(fd44);
    }
    {
        int fd45 = open(path, O_RDONLY);
        if (CHECK_45(fd45))
            return -1;
        n += (int)read(fd45, &n, 0);
        close(fd45);
    }
    {
        int fd46 = open(path, O_RDONLY);
        if (CHECK_46(fd46))
            return -1;
        n += (int)read(fd46, &n, 0);
        close(fd46);
    }
    {
        int fd47 = open(path, O_RDONLY);
        if (CHECK_47(fd47))
            return -1;
        n += (int)read(fd47, &n, 0);
        close(fd47);
    }
    {
        int fd48 = open(path, O_RDONLY);
        if (CHECK_48(fd48))
            return -1;
        n += (int)read(fd48, &n, 0);
        close(fd48);
    }
    {
        int fd49 = open(path, O_RDONLY);
        if (CHECK_49(fd49))
            return -1;
        n += (int)read(fd49, &n, 0);
        close(fd49);
    }
    {
        int fd50 = open(path, O_RDONLY);
        if (CHECK_50(fd50))
            return -1;
        n += (int)read(fd50, &n, 0);
        close(fd50);
    }
    {
        int fd51 = open(path, O_RDONLY);
        if (CHECK_51(fd51))
            return -1;
        n += (int)read(fd51, &n, 0);
        close(fd51);
    }
    {
        int fd52 = open(path, O_RDONLY);
        if (CHECK_52(fd52))
            return -1;
        n += (int)read(fd52, &n, 0);
        close(fd52);
    }
    {
        int fd53 = open(path, O_RDONLY);
        if (CHECK_53(fd53))
            return -1;
        n += (int)read(fd53, &n, 0);
        close(fd53);
    }
    {
        int fd54 = open(path, O_RDONLY);
        if (CHECK_54(fd54))
            return -1;
        n += (int)read(fd54, &n, 0);
        close(fd54);
    }
    {
        int fd55 = open(path, O_RDONLY);
        if (CHECK_55(fd55))
            return -1;
        n += (int)read(fd55, &n, 0);
        close(fd55);
    }
    {
        int fd56 = open(path, O_RDONLY);
        if (CHECK_56(fd56))
            return -1;
        n += (int)read(fd56, &n, 0);
        close(fd56);
    }
    {
        int fd57 = open(path, O_RDONLY);
        if (CHECK_57(fd57))
            return -1;
        n += (int)read(fd57, &n, 0);
        close(fd57);
    }
    {
        int fd58 = open(path, O_RDONLY);
        if (CHECK_58(fd58))
            return -1;
        n += (int)read(fd58, &n, 0);
        close(fd58);
    }
    {
        int fd59 = open(path, O_RDONLY);
        if (CHECK_59(fd59))
            return -1;
        n += (int)read(fd59, &n, 0);
        close(fd59);
    }
    {
        int fd60 = open(path, O_RDONLY);
        if (CHECK_60(fd60))
            return -1;
        n += (int)read(fd60, &n, 0);
        close(fd60);
    }
    {
        int fd61 = open(path, O_RDONLY);
        if (CHECK_61(fd61))
            return -1;
        n += (int)read(fd61, &n, 0);
        close(fd61);
    }
    {
        int fd62 = open(path, O_RDONLY);
        if (CHECK_62(fd62))
            return -1;
        n += (int)read(fd62, &n, 0);
        close(fd62);
    }
    {
        int fd63 = open(path, O_RDONLY);
        if (CHECK_63(fd63))
            return -1;
        n += (int)read(fd63, &n, 0);
        close(fd63);
    }
    {
        int fd64 = open(path, O_RDONLY);
        if (CHECK_64(fd64))
            return -1;
        n += (int)read(fd64, &n, 0);
        close(fd64);
    }
    {
        int fd65 = open(path, O_RDONLY);
        if (CHECK_65(fd65))
            return -1;
        n += (int)read(fd65, &n, 0);
        close(fd65);
    }
    {
        int fd66 = open(path, O_RDONLY);
        if (CHECK_66(fd66))
            return -1;
        n += (int)read(fd66, &n, 0);
        close(fd66);
    }
    {
        int fd67 = open(path, O_RDONLY);
        if (CHECK_67(fd67))
            return -1;
        n += (int)read(fd67, &n, 0);
        close(fd67);
    }
    {
        int fd68 = open(path, O_RDONLY);
        if (CHECK_68(fd68))
            return -1;
        n += (int)read(fd68, &n, 0);
        close(fd68);
    }
    {
        int fd69 = open(path, O_RDONLY);
        if (CHECK_69(fd69))
            return -1;
        n += (int)read(fd69, &n, 0);
        close(fd69);
    }
    {
        int fd70 = open(path, O_RDONLY);
        if (CHECK_70(fd70))
            return -1;
        n += (int)read(fd70, &n, 0);
        close(fd70);
    }
    {
        int fd71 = open(path, O_RDONLY);
        if (CHECK_71(fd71))
            return -1;
        n += (int)read(fd71, &n, 0);
        close(fd71);
    }
    {
        int fd72 = open(path, O_RDONLY);
        if (CHECK_72(fd72))
            return -1;
        n += (int)read(fd72, &n, 0);
        close(fd72);
    }
    {
        int fd73 = open(path, O_RDONLY);
        if (CHECK_73(fd73))
            return -1;
        n += (int)read(fd73, &n, 0);
        close(fd73);
    }
    {
        int fd74 = open(path, O_RDONLY);
        if (CHECK_74(fd74))
            return -1;
        n += (int)read(fd74, &n, 0);
        close(fd74);
    }
    {
        int fd75 = open(path, O_RDONLY);
        if (CHECK_75(fd75))
            return -1;
        n += (int)read(fd75, &n, 0);
        close(fd75);
    }
    {
        int fd76 = open(path, O_RDONLY);
        if (CHECK_76(fd76))
            return -1;
        n += (int)read(fd76, &n, 0);
        close(fd76);
    }
    {
        int fd77 = open(path, O_RDONLY);
        if (CHECK_77(fd77))
            return -1;
        n += (int)read(fd77, &n, 0);
        close(fd77);
    }
    {
        int fd78 = open(path, O_RDONLY);
        if (CHECK_78(fd78))
            return -1;
        n += (int)read(fd78, &n, 0);
        close(fd78);
    }
    {
        int fd79 = open(path, O_RDONLY);
        if (CHECK_79(fd79))
            return -1;
        n += (int)read(fd79, &n, 0);
        close(fd79);
    }
    return n;
}

int open_leaky(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (CHECK_79(fd))
        return -1;
    if (read(fd, &fd, 0) < 0)
        return -1; // expect: resource-leak
    close(fd);
    return 0;
}
