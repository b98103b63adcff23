package org.athar.security;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.athar.AtharIntegrationTest;
import org.athar.security.TwoFactor.Accepted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One-time codes (RFC 6238, checked against the RFC 6238 generator in Totp, itself checked against the RFC's vectors in TotpTest) and single-use recovery codes. */
class TwoFactorTest extends AtharIntegrationTest {

    @Autowired
    ElasticsearchClient client;

    private final TestUsers.MovableClock clock = new TestUsers.MovableClock();
    private final List<Object> events = new ArrayList<>();
    private UserStore store;
    private TwoFactor twoFactor;

    @BeforeEach
    void enrolledUser() {
        store = TestUsers.freshStore(client);
        new Users(store, new PasswordHashing(), events::add, clock)
                .create(Viewer.system("test"), "dalia", "a long synthetic passphrase", Set.of(Role.ANALYST));
        twoFactor = new TwoFactor(store, events::add, clock);
    }

    /** The code an authenticator app shows for {@code secret} now plus {@code steps} × 30 s. */
    private String appCode(String secret, int steps) throws Exception {
        return Totp.code(secret, clock.instant().getEpochSecond() / 30 + steps);
    }

    @Test
    void the_qr_code_is_a_png_an_app_reads_as_the_otpauth_address_with_the_secret() throws Exception {
        TwoFactor.Enrolment enrolment = twoFactor.begin("dalia");
        var image = ImageIO.read(new ByteArrayInputStream(enrolment.qrPng()));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var luminance = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        String text = new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(luminance)))
                .getText();
        assertThat(text)
                .isEqualTo(enrolment.otpauthUri())
                .startsWith("otpauth://totp/")
                .contains("secret=" + enrolment.secret())
                .contains("issuer=Athar")
                .contains("period=30");
        assertThat(twoFactor.isOn("dalia"))
                .as("nothing stored before confirmation")
                .isFalse();
    }

    @Test
    void a_wrong_code_does_not_turn_two_factors_on_and_the_apps_code_does() throws Exception {
        TwoFactor.Enrolment enrolment = twoFactor.begin("dalia");
        String right = appCode(enrolment.secret(), 0);
        String wrong = right.equals("000000") ? "111111" : "000000";
        assertThat(twoFactor.confirm("dalia", enrolment.secret(), wrong)).isEmpty();
        assertThat(twoFactor.isOn("dalia")).isFalse();

        List<String> recovery =
                twoFactor.confirm("dalia", enrolment.secret(), right).orElseThrow();
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        assertThat(twoFactor.isOn("dalia")).isTrue();
        UserAccount stored = store.find("dalia").orElseThrow();
        assertThat(stored.recoveryCodes()).hasSize(10).noneMatch(recovery::contains);
    }

    @Test
    void a_sign_in_code_is_accepted_once_within_thirty_seconds_either_side_and_never_again() throws Exception {
        String secret = enrol();
        clock.advance(Duration.ofSeconds(60));
        assertThat(twoFactor.verify("dalia", appCode(secret, 0))).isEqualTo(Accepted.CODE);
        assertThat(twoFactor.verify("dalia", appCode(secret, 0))).as("replayed").isEqualTo(Accepted.NO);
        assertThat(twoFactor.verify("dalia", appCode(secret, -1)))
                .as("older than one accepted")
                .isEqualTo(Accepted.NO);
        assertThat(twoFactor.verify("dalia", appCode(secret, 1)))
                .as("phone clock 30 s ahead")
                .isEqualTo(Accepted.CODE);
        clock.advance(Duration.ofMinutes(5));
        assertThat(twoFactor.verify("dalia", appCode(secret, -3)))
                .as("90 s old")
                .isEqualTo(Accepted.NO);
        assertThat(twoFactor.verify("dalia", appCode(secret, -1))).isEqualTo(Accepted.CODE);
    }

    @Test
    void each_recovery_code_signs_in_exactly_once_however_it_is_typed() throws Exception {
        TwoFactor.Enrolment enrolment = twoFactor.begin("dalia");
        List<String> recovery = twoFactor
                .confirm("dalia", enrolment.secret(), appCode(enrolment.secret(), 0))
                .orElseThrow();
        String typed = " " + recovery.get(3).toUpperCase(Locale.ROOT).replace("-", " ") + " ";

        assertThat(twoFactor.verify("dalia", typed)).isEqualTo(Accepted.RECOVERY_CODE);
        assertThat(twoFactor.verify("dalia", recovery.get(3))).isEqualTo(Accepted.NO);
        assertThat(twoFactor.recoveryCodesLeft("dalia")).isEqualTo(9);
        assertThat(twoFactor.verify("dalia", "aaaa-bbbb-cccc-dddd")).isEqualTo(Accepted.NO);
        assertThat(events).contains(new UserChanged("dalia", "dalia", UserChanged.Change.RECOVERY_CODE_USED, ""));
    }

    private String enrol() throws Exception {
        TwoFactor.Enrolment enrolment = twoFactor.begin("dalia");
        assertThat(twoFactor.confirm("dalia", enrolment.secret(), appCode(enrolment.secret(), 0)))
                .isPresent();
        return enrolment.secret();
    }
}
