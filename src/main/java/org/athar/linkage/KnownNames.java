package org.athar.linkage;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.athar.report.TextFolding;

/**
 * The Arabic letters behind common Latin spellings of names whose consonant skeletons collide (Mohammad/Mahmoud
 * are both {@code mhmd}, Hasan/Hussein {@code hsn}, Omar/Amer {@code mr}), so that a Latin "Mahmoud" is only close
 * to an Arabic محمد while "Mohamed" agrees with it; and of a few whose transliteration loses a letter of the Arabic
 * skeleton ("Moaz" is {@code mz}, معاذ {@code md}). A spelling missing here is unknown and the skeleton alone
 * decides, as before.
 */
final class KnownNames {

    // "arabic=latin/latin": one line per Arabic name; only groups whose skeletons collide with another name matter.
    private static final String[] TABLE = {
        // mhmd
        "محمد=Mohammad/Muhammad/Mohamed/Mohammed/Muhammed/Mohamad/Muhamad/Mohammod",
        "محمود=Mahmoud/Mahmud/Mahmood/Mahmod",
        // hsn
        "حسن=Hasan/Hassan",
        "حسين=Hussein/Husain/Hussain/Hossein/Husein/Hosein/Houssein/Hussien/Husayn",
        "حسون=Hassoun/Hassun/Hasson",
        // mr
        "عمر=Omar/Umar/Omer",
        "عامر=Amer/Aamer/Aamir",
        "أمير=Amir/Ameer",
        "عمار=Ammar/Amar",
        "مرعي=Marei/Marai",
        // hmd
        "أحمد=Ahmad/Ahmed/Ahmet",
        "حمد=Hamad",
        "حمادة=Hamadeh/Hamada",
        "حمود=Hammoud/Hamoud/Hamud/Hammud",
        // smr
        "سامر=Samer",
        "سمير=Samir/Sameer",
        "سمر=Samar",
        // sd
        "سعيد=Saeed/Said/Saeid/Saiid",
        "سعد=Saad",
        "سيد=Sayed/Sayyid/Sayyed/Sayid",
        "سعاد=Suad/Souad/Soad",
        "شادي=Shadi/Chadi",
        // l
        "علي=Ali",
        "وائل=Wael/Wail",
        "لؤي=Louay/Luay/Loay/Louai",
        "ليلى=Layla/Leila/Laila/Leyla",
        "علا=Ola/Ula",
        // md
        "عماد=Imad/Emad",
        "مؤيد=Moayad/Muayyad/Moayyad/Muayad",
        "معاذ=Muadh/Moaz/Muaz/Mouaz/Moath/Muath",
        // mn
        "أيمن=Ayman/Aiman",
        "إيمان=Iman/Eman",
        "آمنة=Amina/Amneh/Amena",
        "منى=Mona/Muna",
        // sr
        "ياسر=Yasser/Yasir/Yaser",
        "سارة=Sara/Sarah",
        "يسرى=Yusra/Yousra",
        // rd
        "رائد=Raed/Raid",
        "رياض=Riad/Riyad/Riyadh",
        // d
        "إياد=Iyad/Eyad/Iyyad",
        "عواد=Awwad/Awad",
        "وداد=Widad/Wedad",
        "دعاء=Duaa/Doaa/Dua",
        // Latin spellings whose own skeleton misses the Arabic one (ذ written th or z, دh read as a digraph)
        "منذر=Munther/Mundhir/Monther/Munzer/Monzer",
        "أدهم=Adham",
        "إسحاق=Ishaq/Ishak",
        "مدحت=Medhat/Midhat",
        // others
        "هاني=Hani",
        "حنان=Hanan",
        "فراس=Firas/Feras",
        "فارس=Fares/Faris",
        "خالد=Khaled/Khalid",
        "خلود=Kholoud/Khulud",
        "يوسف=Youssef/Yusuf/Yousef/Yousif/Youssif/Yusef",
        "صفاء=Safaa",
        "موسى=Mousa/Musa/Moussa",
        "ميساء=Maysaa/Maisa/Maysa",
        "عيسى=Issa/Eisa/Isa",
        "عائشة=Aisha/Aysha/Aicha/Aysheh",
        "أسامة=Osama/Usama/Ousama",
        "أسماء=Asmaa/Asma",
        "شيماء=Shaimaa/Shaima/Shayma",
        "جمال=Jamal/Gamal",
        "جميلة=Jamila/Jameela/Jamileh",
        "سليم=Salim/Saleem",
        "سلمى=Salma",
        "سلامة=Salameh/Salama",
        "مجد=Majd",
        "ماجدة=Majida/Majda",
        "رامي=Rami",
        "ريم=Reem/Rim",
        "رنا=Rana",
        "روان=Rawan",
        "عبيد=Obeid/Ubaid/Obaid/Ubayd",
        "عبدو=Abdo/Abdou",
        "بشير=Bashir/Basheer",
        "بشرى=Bushra/Boushra",
    };

    private static final Map<String, String> ARABIC = new HashMap<>();

    static {
        for (String line : TABLE) {
            String[] parts = line.split("=", 2);
            for (String latin : parts[1].split("/")) {
                String previous = ARABIC.put(TextFolding.fold(latin), parts[0]);
                if (previous != null) {
                    throw new IllegalStateException("KnownNames: " + latin + " is listed twice; keep one Arabic name");
                }
            }
        }
    }

    private KnownNames() {}

    /** The Arabic letters of the name a folded Latin spelling ("mahmoud") stands for, if it is a known one. */
    static Optional<String> arabic(String foldedLatin) {
        return Optional.ofNullable(ARABIC.get(foldedLatin));
    }
}
