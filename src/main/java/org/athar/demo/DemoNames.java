package org.athar.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Invented Syrian-style names (common first names and family names, none taken from any list of victims)
 * with the Latin spellings that documentation teams actually use side by side.
 */
final class DemoNames {

    /** A name part in Arabic script and its Latin spellings (the first is the most common). */
    record Name(String arabic, List<String> latin) {}

    // "arabic=Latin1/Latin2": entries are packed several to a line to keep the tables readable.
    static final List<Name> MALE = parse(
            "محمد=Mohammad/Muhammad/Mohamed",
            "أحمد=Ahmad/Ahmed",
            "محمود=Mahmoud/Mahmud",
            "مصطفى=Mustafa/Moustafa",
            "علي=Ali",
            "حسن=Hasan/Hassan",
            "حسين=Hussein/Husain",
            "عمر=Omar/Umar",
            "خالد=Khaled/Khalid",
            "إبراهيم=Ibrahim/Ebrahim",
            "يوسف=Youssef/Yusuf",
            "عبد الله=Abdullah/Abdallah",
            "عبد الرحمن=Abdulrahman/Abdul Rahman",
            "عبد الكريم=Abdulkarim/Abdul Karim",
            "عبد الرزاق=Abdulrazzaq",
            "عبد القادر=Abdulqader/Abdul Qader",
            "عبد الحميد=Abdulhamid",
            "سامر=Samer",
            "سمير=Samir/Sameer",
            "ياسر=Yasser/Yasir",
            "ماهر=Maher",
            "باسل=Basel/Bassel",
            "فادي=Fadi",
            "رامي=Rami",
            "وائل=Wael/Wa'il",
            "مازن=Mazen",
            "حازم=Hazem",
            "أنس=Anas",
            "أيمن=Ayman",
            "أسامة=Osama/Usama",
            "زياد=Ziad/Ziyad",
            "جمال=Jamal",
            "كمال=Kamal",
            "نضال=Nidal",
            "بلال=Bilal",
            "طارق=Tarek/Tariq",
            "عمار=Ammar",
            "منذر=Munther/Mundhir",
            "هيثم=Haitham",
            "وليد=Walid/Waleed",
            "سعيد=Said/Saeed",
            "مجد=Majd",
            "معاذ=Moaz/Muadh",
            "حمزة=Hamza",
            "عثمان=Othman/Uthman",
            "فراس=Firas",
            "غسان=Ghassan",
            "رياض=Riad/Riyad",
            "نبيل=Nabil",
            "جهاد=Jihad",
            "عماد=Imad/Emad",
            "إياد=Iyad/Eyad",
            "لؤي=Louay/Luay",
            "رائد=Raed/Ra'id",
            "فايز=Fayez",
            "صالح=Saleh/Salih",
            "عادل=Adel",
            "منير=Munir/Mounir",
            "نزار=Nizar",
            "هاني=Hani",
            "قاسم=Qasem/Kassem",
            "عيسى=Issa/Eisa",
            "موسى=Mousa/Musa",
            "يحيى=Yahya",
            "زكريا=Zakaria",
            "مهند=Muhannad",
            "أيهم=Ayham",
            "عدنان=Adnan",
            "حسام=Hussam/Hossam",
            "شادي=Shadi",
            "ثائر=Thaer/Tha'er",
            "مؤيد=Moayad/Mu'ayyad",
            "أكرم=Akram",
            "سليمان=Suleiman/Sulayman",
            "إسماعيل=Ismail/Ismael",
            "عبدو=Abdo",
            "مروان=Marwan",
            "بشير=Bashir",
            "راتب=Rateb",
            "غياث=Ghiath/Ghiyath");

    static final List<Name> FEMALE = parse(
            "فاطمة=Fatima/Fatmeh",
            "مريم=Maryam/Mariam",
            "عائشة=Aisha/Aysha",
            "خديجة=Khadija",
            "زينب=Zainab/Zeinab",
            "رنا=Rana",
            "رزان=Razan",
            "سلمى=Salma",
            "هدى=Huda/Hoda",
            "نور=Nour/Noor",
            "ليلى=Layla/Leila",
            "سعاد=Suad/Souad",
            "منى=Mona/Muna",
            "هبة=Hiba/Heba",
            "ريم=Reem/Rim",
            "دعاء=Duaa/Doaa",
            "آمنة=Amina/Amneh",
            "أسماء=Asmaa/Asma",
            "إيمان=Iman/Eman",
            "رهف=Rahaf",
            "سارة=Sara/Sarah",
            "لينا=Lina",
            "ندى=Nada",
            "وفاء=Wafaa/Wafa",
            "سمر=Samar",
            "غادة=Ghada",
            "نسرين=Nisreen/Nesrin",
            "رغد=Raghad",
            "بشرى=Bushra",
            "جميلة=Jamila/Jameela",
            "حنان=Hanan",
            "عبير=Abeer/Abir",
            "فاتن=Faten",
            "ماجدة=Majida",
            "نجلاء=Najlaa",
            "هالة=Hala",
            "وداد=Widad",
            "يسرى=Yusra/Yousra",
            "أمل=Amal",
            "رشا=Rasha",
            "روان=Rawan",
            "شيماء=Shaimaa/Shaima",
            "صفاء=Safaa",
            "علا=Ola/Ula",
            "لمى=Lama",
            "ميساء=Maysaa/Maisa",
            "نهى=Nuha/Noha",
            "هيفاء=Haifa",
            "خلود=Kholoud/Khulud",
            "سوسن=Sawsan");

    static final List<Name> FAMILY = parse(
            "الحلبي=Al-Halabi/al-Halabi/Halabi",
            "الشامي=Al-Shami/Shami",
            "المصري=Al-Masri/Masri",
            "الحمصي=Al-Homsi/Homsi",
            "الحموي=Al-Hamwi/Hamwi",
            "الإدلبي=Al-Idlibi/Idlibi",
            "الأحمد=Al-Ahmad",
            "المحمد=Al-Mohammad/Al-Muhammad",
            "العلي=Al-Ali",
            "الحسن=Al-Hasan/Al-Hassan",
            "الحسين=Al-Hussein",
            "الخطيب=Al-Khatib/Khatib",
            "الزعبي=Al-Zoubi/Zoubi/Al-Zu'bi",
            "المسالمة=Al-Masalmeh/Masalmeh",
            "الحريري=Al-Hariri/Hariri",
            "الرفاعي=Al-Rifai/Rifai",
            "الشيخ=Al-Sheikh",
            "العمر=Al-Omar",
            "الصالح=Al-Saleh",
            "الخليل=Al-Khalil",
            "العبد الله=Al-Abdullah",
            "الأسعد=Al-Asaad/Al-As'ad",
            "الجاسم=Al-Jasem/Al-Jassim",
            "الحمد=Al-Hamad",
            "الدرويش=Al-Darwish",
            "السيد=Al-Sayed/Al-Sayyid",
            "النجار=Al-Najjar/Najjar",
            "الحداد=Al-Haddad",
            "الخياط=Al-Khayat/Khayyat",
            "العطار=Al-Attar/Attar",
            "الطحان=Al-Tahhan",
            "القصاب=Al-Qassab/Kassab",
            "الحلاق=Al-Hallaq",
            "الشهابي=Al-Shihabi/Shehabi",
            "الكردي=Al-Kurdi/Kurdi",
            "التركماني=Al-Turkmani",
            "البكري=Al-Bakri",
            "العثمان=Al-Othman",
            "الإبراهيم=Al-Ibrahim",
            "الموسى=Al-Mousa/Al-Musa",
            "العيسى=Al-Issa",
            "اليوسف=Al-Youssef/Al-Yusuf",
            "الديري=Al-Deiri",
            "الرقاوي=Al-Raqqawi",
            "الحوراني=Al-Hourani/Hourani",
            "الدمشقي=Al-Dimashqi",
            "القاسم=Al-Qasem",
            "الفارس=Al-Fares",
            "الحاج=Al-Hajj/Hajj",
            "المعراوي=Al-Maarawi",
            "قباني=Qabbani/Kabbani",
            "حداد=Haddad",
            "خطاب=Khattab",
            "شحادة=Shehadeh/Shahada",
            "دياب=Diab/Dyab",
            "سلامة=Salameh/Salama",
            "حمدان=Hamdan",
            "زيدان=Zaidan/Zeidan",
            "عثمان=Othman",
            "نصار=Nassar",
            "منصور=Mansour/Mansur",
            "بركات=Barakat",
            "جبر=Jabr",
            "حمود=Hammoud/Hamoud",
            "مراد=Murad/Mourad",
            "سليم=Salim/Saleem",
            "عواد=Awwad/Awad",
            "حجازي=Hijazi/Hejazi",
            "طه=Taha",
            "قدور=Qaddour/Kaddour",
            "كيالي=Kayyali/Kayali",
            "دباغ=Dabbagh",
            "شعبان=Shaaban/Sha'ban",
            "رحال=Rahhal",
            "سويدان=Suwaidan",
            "عبيد=Obeid/Ubaid",
            "مرعي=Marei/Mar'i",
            "بيطار=Bitar/Baytar",
            "جمعة=Jumaa/Jomaa",
            "أبو زيد=Abu Zaid",
            "أبو حمدان=Abu Hamdan",
            "أبو الخير=Abu al-Khair/Abulkhair",
            "عكاش=Akkash",
            "ناصيف=Nassif/Nasif",
            "غزال=Ghazal",
            "صباغ=Sabbagh",
            "زين الدين=Zein al-Din/Zeineddine",
            "كنعان=Kanaan/Kan'an",
            "شريف=Sharif/Sherif",
            "حمادة=Hamadeh/Hamada",
            "درويش=Darwish",
            "سعد=Saad/Sa'd",
            "رمضان=Ramadan/Ramadhan",
            "حسون=Hassoun",
            "عليوي=Aliwi",
            "فرحات=Farhat",
            "الأطرش=Al-Atrash",
            "معروف=Maarouf/Ma'ruf",
            "الشمالي=Al-Shamali",
            "النعيمي=Al-Nuaimi/Nuaimi",
            "العبيد=Al-Obeid",
            "البدوي=Al-Badawi",
            "الأيوبي=Al-Ayoubi");

    // Fully vocalised spellings, as some forms and religious registers write them; folding must ignore the marks.
    private static final Map<String, String> VOCALISED = Map.ofEntries(
            Map.entry("محمد", "مُحَمَّد"),
            Map.entry("أحمد", "أَحْمَد"),
            Map.entry("علي", "عَلِيّ"),
            Map.entry("عمر", "عُمَر"),
            Map.entry("حسن", "حَسَن"),
            Map.entry("خالد", "خَالِد"),
            Map.entry("يوسف", "يُوسُف"),
            Map.entry("فاطمة", "فَاطِمَة"),
            Map.entry("مريم", "مَرْيَم"),
            Map.entry("زينب", "زَيْنَب"),
            Map.entry("عائشة", "عَائِشَة"),
            Map.entry("حمزة", "حَمْزَة"));

    private DemoNames() {}

    /** A first name, skewed so that the common names at the head of the list come up more often, as in life. */
    static Name first(List<Name> names, SplittableRandom random) {
        return first(names, LinkageShares.OWN.firstNameSkew(), random);
    }

    /** As {@link #first(List, SplittableRandom)} with another skew: the larger, the more the head dominates. */
    static Name first(List<Name> names, double skew, SplittableRandom random) {
        return names.get((int) (names.size() * Math.pow(random.nextDouble(), skew)));
    }

    static Name family(SplittableRandom random) {
        return FAMILY.get(random.nextInt(FAMILY.size()));
    }

    /**
     * The Arabic as one typist might write it: mostly as listed, sometimes with the hamza seat, taa marbuta or
     * alef maqsura written bare, now and then fully vocalised. All of these fold to the same search key.
     */
    static String written(Name name, SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.04) {
            return VOCALISED.getOrDefault(name.arabic(), name.arabic());
        }
        if (u < 0.20) {
            return bare(name.arabic());
        }
        return name.arabic();
    }

    static String latin(Name name, SplittableRandom random) {
        List<String> spellings = name.latin();
        return spellings.size() == 1 ? spellings.get(0) : spellings.get(random.nextInt(spellings.size()));
    }

    /** The common keyboard shortcuts: أ/إ/آ as ا, final ة as ه, final ى as ي. */
    static String bare(String arabic) {
        char[] chars = arabic.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            boolean last = i == chars.length - 1 || chars[i + 1] == ' ';
            chars[i] = switch (chars[i]) {
                case 'أ', 'إ', 'آ' -> 'ا';
                case 'ة' -> last ? 'ه' : 'ة';
                case 'ى' -> last ? 'ي' : 'ى';
                default -> chars[i];
            };
        }
        return new String(chars);
    }

    /**
     * As {@link #bare(String)}, and the hamza on a seat written as the seat alone (ئ as ي, ؤ as و): "عايشة" for
     * "عائشة", "مويد" for "مؤيد". Used for later reports in the linkage mode only.
     */
    static String bareHamza(String arabic) {
        return bare(arabic).replace('ئ', 'ي').replace('ؤ', 'و');
    }

    /** The family name without its article (الحلبي → حلبي), or as it is when it has none. */
    static String withoutArticle(String arabic) {
        return arabic.startsWith("ال") && arabic.length() > 4 ? arabic.substring(2) : arabic;
    }

    /** A Latin family name without its article (Al-Halabi → Halabi, al-Halabi → Halabi). */
    static String withoutLatinArticle(String latin) {
        return latin.regionMatches(true, 0, "al-", 0, 3) && latin.length() > 5 ? latin.substring(3) : latin;
    }

    private static List<Name> parse(String... entries) {
        return Arrays.stream(entries)
                .map(entry -> {
                    String[] parts = entry.split("=", 2);
                    return new Name(parts[0], List.of(parts[1].split("/")));
                })
                .toList();
    }
}
