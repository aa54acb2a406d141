"""The column sets of the exports Ekip reads, in English and Turkish, and how a file's header
is matched to one of them. Where each column set comes from, and which ones are inferred, is
in docs/METRICS.md.

A preset maps header names (compared case-folded, spaces collapsed) to Ekip's fields:

- ``posts``: ``post_id``, ``permalink``, ``published``, ``type``, ``text``, ``impressions``,
  ``views``, ``reach``, ``likes``, ``comments``, ``shares``, ``saves``, ``clicks``,
  ``video_views``, ``follows``;
- ``followers``: ``date``, ``followers`` (total), ``gained``, ``lost``;
- ``audience``: ``dimension`` (the column's header names it: location, age, ...),
  ``followers`` or ``share`` (percent);
- ``campaigns`` (GA4): ``campaign``, ``sessions``, ``conversions``, ``revenue``, ``date``.

A column mapped to ``""`` is known but not stored (rates that Ekip computes itself, account
names, ...). Two columns mapped to the same count field are added up (X's reposts and shares
are both shares in the handbook's sense). A header matches a preset when it has at least one
of the preset's ``markers`` and every ``required`` field; among those that match, the one
that recognises most columns wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

POST_COUNTS = ("impressions", "views", "reach", "likes", "comments", "shares", "saves", "clicks",
               "video_views", "follows")
POST_FIELDS = ("post_id", "permalink", "published", "type", "text", *POST_COUNTS)
KINDS = ("posts", "followers", "audience", "campaigns")
FIELDS = {
    "posts": frozenset(POST_FIELDS),
    "followers": frozenset({"date", "followers", "gained", "lost"}),
    "audience": frozenset({"dimension", "followers", "share"}),
    "campaigns": frozenset({"campaign", "sessions", "conversions", "revenue", "date"}),
}


def norm(header: object) -> str:
    """A header as compared: BOM and quotes stripped, Turkish capitals folded, spaces collapsed."""
    text = str(header or "").replace("\ufeff", "").strip().strip('"').replace("İ", "i").replace("I", "ı")
    return " ".join(text.lower().replace("ı", "i").split())


@dataclass(frozen=True)
class Preset:
    id: str
    kind: str
    platform: str  # "" when a column says (custom presets) or for GA4 ("ga4")
    columns: dict[str, str]  # normalised header -> field ("" = known, not stored)
    markers: frozenset[str]
    required: tuple[str, ...]
    name: str = ""
    platform_column: str = ""  # normalised header whose values name the platform (custom presets)
    day_first: bool | None = None  # None: from the header's language
    turkish: frozenset[str] = field(default_factory=frozenset)  # normalised Turkish headers

    def recognised(self, headers: Iterable[str]) -> list[str]:
        return [h for h in headers if h in self.columns or h == self.platform_column]


def _preset(id: str, kind: str, platform: str, name: str, spec: Sequence[tuple[str, Sequence[str], Sequence[str]]],
            markers: Sequence[str], required: Sequence[str]) -> Preset:
    """``spec``: (field, English headers, Turkish headers)."""
    columns: dict[str, str] = {}
    turkish: set[str] = set()
    for fld, english, turk in spec:
        for h in english:
            columns[norm(h)] = fld
        for h in turk:
            columns[norm(h)] = fld
            turkish.add(norm(h))
    return Preset(id, kind, platform, columns, frozenset(norm(m) for m in markers), tuple(required), name,
                  turkish=frozenset(turkish))


# Meta Business Suite > Insights > Content > Export (post level), Instagram.
META_IG = _preset("meta-instagram", "posts", "instagram", "Meta Business Suite, Instagram gönderileri", [
    ("post_id", ["Post ID"], ["Gönderi kimliği", "Gönderi Kimliği", "Gönderi ID"]),
    ("", ["Account ID", "Account username", "Account name", "Duration (sec)", "Data comment", "Date",
          "Profile visits", "Replies", "Navigation", "Sticker taps", "Custom labels", "Funded content status"],
     ["Hesap kimliği", "Hesap kullanıcı adı", "Hesap adı", "Süre (sn)", "Veri yorumu", "Tarih",
      "Profil ziyaretleri", "Yanıtlar", "Gezinme", "Çıkartma dokunmaları", "Özel etiketler"]),
    ("text", ["Description"], ["Açıklama"]),
    ("published", ["Publish time"], ["Yayınlanma zamanı", "Yayınlama zamanı", "Yayın zamanı"]),
    ("permalink", ["Permalink"], ["Kalıcı bağlantı"]),
    ("type", ["Post type"], ["Gönderi türü"]),
    ("views", ["Views"], ["Görüntülemeler", "Görüntüleme"]),
    ("impressions", ["Impressions"], ["Gösterimler", "Gösterim"]),
    ("reach", ["Reach"], ["Erişim"]),
    ("likes", ["Likes"], ["Beğenmeler", "Beğeniler", "Beğeni"]),
    ("shares", ["Shares"], ["Paylaşımlar", "Paylaşım"]),
    ("follows", ["Follows"], ["Takipler", "Takip etmeler"]),
    ("comments", ["Comments"], ["Yorumlar", "Yorum"]),
    ("saves", ["Saves"], ["Kaydetmeler", "Kaydetme"]),
    ("clicks", ["Link clicks"], ["Bağlantı tıklamaları"]),
], markers=["Account username", "Account ID", "Saves", "Hesap kullanıcı adı", "Hesap kimliği", "Kaydetmeler"],
    required=["published"])

# Meta Business Suite > Insights > Content > Export (post level), Facebook Page.
META_FB = _preset("meta-facebook", "posts", "facebook", "Meta Business Suite, Facebook gönderileri", [
    ("post_id", ["Post ID"], ["Gönderi kimliği", "Gönderi Kimliği", "Gönderi ID"]),
    ("", ["Page ID", "Page name", "Title", "Duration (sec)", "Caption type", "Is crosspost", "Is share",
          "Languages", "Custom labels", "Funded content status", "Data comment", "Date",
          "Reactions, Comments and Shares", "Total clicks", "Other clicks",
          "Matched audience targeting consumption (photo click)",
          "Negative feedback from users: hide all", "Negative feedback from users: hide", "Seconds viewed",
          "Average seconds viewed", "Estimated earnings (USD)"],
     ["Sayfa kimliği", "Sayfa adı", "Başlık", "Süre (sn)", "Altyazı türü", "Çapraz paylaşım mı", "Paylaşım mı",
      "Diller", "Özel etiketler", "Veri yorumu", "Tarih", "Tepkiler, yorumlar ve paylaşımlar",
      "Toplam tıklama", "Toplam tıklamalar", "Diğer tıklamalar", "İzlenen saniye", "Ortalama izlenen saniye"]),
    ("text", ["Description"], ["Açıklama"]),
    ("published", ["Publish time"], ["Yayınlanma zamanı", "Yayınlama zamanı", "Yayın zamanı"]),
    ("permalink", ["Permalink"], ["Kalıcı bağlantı"]),
    ("type", ["Post type"], ["Gönderi türü"]),
    ("views", ["Views"], ["Görüntülemeler", "Görüntüleme"]),
    ("impressions", ["Impressions"], ["Gösterimler", "Gösterim"]),
    ("reach", ["Reach"], ["Erişim"]),
    ("likes", ["Reactions"], ["Tepkiler"]),
    ("comments", ["Comments"], ["Yorumlar"]),
    ("shares", ["Shares"], ["Paylaşımlar"]),
    ("clicks", ["Link clicks"], ["Bağlantı tıklamaları"]),
    ("video_views", ["3-second video views"], ["3 saniyelik video görüntülemeleri"]),
], markers=["Page ID", "Page name", "Reactions", "Sayfa kimliği", "Sayfa adı", "Tepkiler"], required=["published"])

# X (analytics.x.com) > Content > Export data: the 2024 column set, and the legacy "Tweet activity".
X_POSTS = _preset("x", "posts", "x", "X gönderi analizleri", [
    ("post_id", ["Post id", "Post ID", "Tweet id"], ["Gönderi kimliği", "Gönderi ID"]),
    ("published", ["Date", "time"], ["Tarih", "Zaman"]),
    ("text", ["Post text", "Tweet text"], ["Gönderi metni"]),
    ("permalink", ["Post Link", "Tweet permalink"], ["Gönderi bağlantısı"]),
    ("impressions", ["Impressions"], ["Gösterimler"]),
    ("likes", ["Likes"], ["Beğeniler"]),
    ("", ["Engagements", "engagement rate", "Profile visits", "user profile clicks", "Detail Expands",
          "Hashtag Clicks", "Permalink Clicks", "app opens", "app installs", "email tweet", "dial phone",
          "media engagements", "promoted impressions", "promoted engagements"],
     ["Etkileşimler", "Etkileşim oranı", "Profil ziyaretleri", "Ayrıntı genişletmeleri", "Hashtag tıklamaları",
      "Kalıcı bağlantı tıklamaları"]),
    ("saves", ["Bookmarks"], ["Yer işaretleri"]),
    ("shares", ["Shares", "Reposts", "retweets"], ["Paylaşımlar", "Yeniden gönderiler"]),
    ("follows", ["New follows", "follows"], ["Yeni takipçiler", "Yeni takipler"]),
    ("comments", ["Replies"], ["Yanıtlar"]),
    ("clicks", ["URL Clicks"], ["URL tıklamaları", "Bağlantı tıklamaları"]),
    ("video_views", ["media views", "Video views"], ["Video görüntülemeleri"]),
], markers=["Post Link", "Tweet permalink", "Reposts", "retweets", "Bookmarks", "Gönderi bağlantısı",
            "Yeniden gönderiler", "Yer işaretleri"], required=["published"])

# LinkedIn Page > Analytics > Content > Export (XLSX, sheet "All posts"; row 1 is a note).
LINKEDIN_POSTS = _preset("linkedin", "posts", "linkedin", "LinkedIn sayfa içerikleri", [
    ("text", ["Post title", "Update title"], ["Gönderi başlığı"]),
    ("permalink", ["Post link", "Update link"], ["Gönderi bağlantısı"]),
    ("type", ["Post type", "Update type", "Content Type"], ["Gönderi türü", "İçerik türü"]),
    ("", ["Campaign name", "Posted by", "Campaign start date", "Campaign end date", "Audience",
          "Click through rate (CTR)", "Engagement rate", "Off-site views"],
     ["Kampanya adı", "Yayınlayan", "Kampanya başlangıç tarihi", "Kampanya bitiş tarihi", "Hedef kitle",
      "Tıklama oranı (TO)", "Tıklama oranı", "Etkileşim oranı", "Site dışı görüntülemeler"]),
    ("published", ["Created date"], ["Oluşturulma tarihi"]),
    ("impressions", ["Impressions"], ["Gösterimler"]),
    ("views", ["Views (excluding off-site video views)"], ["Görüntülemeler (site dışı video görüntülemeleri hariç)"]),
    ("video_views", ["Video views"], ["Video görüntülemeleri"]),
    ("clicks", ["Clicks"], ["Tıklamalar"]),
    ("likes", ["Likes", "Reactions"], ["Beğeniler", "Tepkiler"]),
    ("comments", ["Comments"], ["Yorumlar"]),
    ("shares", ["Reposts", "Shares"], ["Yeniden paylaşımlar", "Paylaşımlar"]),
    ("follows", ["Follows"], ["Takipler"]),
], markers=["Post link", "Update link", "Gönderi bağlantısı", "Posted by", "Yayınlayan"],
    required=["published", "permalink"])

# TikTok Studio > Analytics > Content > Download data.
TIKTOK_POSTS = _preset("tiktok", "posts", "tiktok", "TikTok içerikleri", [
    ("text", ["Video title"], ["Video başlığı"]),
    ("permalink", ["Video link"], ["Video bağlantısı"]),
    ("post_id", ["Video ID"], ["Video kimliği"]),
    ("published", ["Post time"], ["Yayın zamanı", "Paylaşım zamanı"]),
    ("likes", ["Total likes"], ["Toplam beğeni"]),
    ("comments", ["Total comments"], ["Toplam yorum"]),
    ("shares", ["Total shares"], ["Toplam paylaşım"]),
    ("views", ["Total views"], ["Toplam görüntüleme"]),
    ("saves", ["Add to favorites", "Total bookmarks"], ["Favorilere ekleme", "Favorilere eklenme"]),
    ("reach", ["Reached audience"], ["Erişilen kitle"]),
    ("", ["Time", "Total play time", "Average watch time", "Watched full video", "New followers"],
     ["Toplam oynatma süresi", "Ortalama izlenme süresi", "Videoyu tam izleyenler"]),
], markers=["Video link", "Total likes", "Video bağlantısı", "Toplam beğeni"], required=["published"])

# Account-level follower exports.
LINKEDIN_FOLLOWERS = _preset("linkedin-followers", "followers", "linkedin", "LinkedIn takipçiler", [
    ("date", ["Date"], ["Tarih"]),
    ("", ["Sponsored followers", "Organic followers", "Auto-invited followers"],
     ["Sponsorlu takipçiler", "Organik takipçiler", "Otomatik davet edilen takipçiler"]),
    ("gained", ["New followers"], ["Yeni takipçiler"]),
    ("followers", ["Total followers"], ["Toplam takipçi", "Toplam takipçiler"]),
], markers=["Sponsored followers", "Organic followers", "Sponsorlu takipçiler", "Organik takipçiler"],
    required=["date"])
META_IG_FOLLOWERS = _preset("meta-instagram-followers", "followers", "instagram", "Meta, Instagram takipçileri", [
    ("date", ["Date"], ["Tarih"]),
    ("followers", ["Instagram followers"], ["Instagram takipçileri"]),
    ("gained", ["Instagram follows"], ["Instagram takipleri"]),
    ("lost", ["Instagram unfollows"], ["Instagram takipten çıkmalar"]),
], markers=["Instagram followers", "Instagram takipçileri"], required=["date", "followers"])
META_FB_FOLLOWERS = _preset("meta-facebook-followers", "followers", "facebook", "Meta, Facebook takipçileri", [
    ("date", ["Date"], ["Tarih"]),
    ("followers", ["Facebook followers", "Facebook Page followers"],
     ["Facebook takipçileri", "Facebook Sayfası takipçileri"]),
    ("gained", ["Facebook follows"], ["Facebook takipleri"]),
    ("lost", ["Facebook unfollows"], ["Facebook takipten çıkmalar"]),
], markers=["Facebook followers", "Facebook Page followers", "Facebook takipçileri", "Facebook Sayfası takipçileri"],
    required=["date", "followers"])
X_FOLLOWERS = _preset("x-overview", "followers", "x", "X hesap özeti", [
    ("date", ["Date"], ["Tarih"]),
    ("gained", ["New follows"], ["Yeni takipçiler"]),
    ("lost", ["Unfollows"], ["Takibi bırakanlar"]),
    ("followers", ["Followers"], ["Takipçiler"]),
    ("", ["Impressions", "Likes", "Engagements", "Bookmarks", "Shares", "Replies", "Reposts", "Profile visits",
          "Create Post", "Video views", "Media views"],
     ["Gösterimler", "Beğeniler", "Etkileşimler", "Yer işaretleri", "Paylaşımlar", "Yanıtlar",
      "Yeniden gönderiler", "Profil ziyaretleri", "Gönderi oluştur", "Video görüntülemeleri"]),
], markers=["Unfollows", "Create Post", "Takibi bırakanlar"], required=["date"])
TIKTOK_FOLLOWERS = _preset("tiktok-followers", "followers", "tiktok", "TikTok takipçi geçmişi", [
    ("date", ["Date"], ["Tarih"]),
    ("followers", ["Followers"], ["Takipçiler"]),
    ("", ["Difference in followers from previous day"], ["Önceki güne göre takipçi farkı"]),
], markers=["Difference in followers from previous day", "Önceki güne göre takipçi farkı"],
    required=["date", "followers"])

# Demographics (aggregates only; no person is ever in them).
LINKEDIN_AUDIENCE = _preset("linkedin-audience", "audience", "linkedin", "LinkedIn takipçi demografisi", [
    ("dimension", ["Location", "Job function", "Seniority", "Industry", "Company size"],
     ["Konum", "İş fonksiyonu", "Kıdem", "Sektör", "Şirket büyüklüğü"]),
    ("followers", ["Total followers"], ["Toplam takipçi"]),
], markers=["Total followers", "Toplam takipçi"], required=["dimension", "followers"])
TIKTOK_AUDIENCE = _preset("tiktok-audience", "audience", "tiktok", "TikTok izleyici demografisi", [
    ("dimension", ["Gender", "Age", "Country", "Territory", "City"], ["Cinsiyet", "Yaş", "Ülke", "Bölge", "Şehir"]),
    ("share", ["Distribution"], ["Dağılım"]),
], markers=["Distribution", "Dağılım"], required=["dimension", "share"])

# GA4 > Reports > Acquisition > Traffic acquisition (Session campaign), Share > Download CSV.
GA4 = _preset("ga4", "campaigns", "ga4", "GA4 kampanya trafiği", [
    ("campaign", ["Session campaign", "Session manual campaign name", "Campaign", "utm_campaign"],
     ["Oturum kampanyası", "Oturum manuel kampanya adı", "Kampanya"]),
    ("sessions", ["Sessions"], ["Oturumlar"]),
    ("conversions", ["Key events", "Conversions"], ["Temel etkinlikler", "Dönüşümler"]),
    ("revenue", ["Total revenue"], ["Toplam gelir"]),
    ("date", ["Date"], ["Tarih"]),
    ("", ["Engaged sessions", "Engagement rate", "Average engagement time per session", "Events per session",
          "Event count", "Session key event rate", "Session conversion rate", "Users", "Total users",
          "Session source / medium", "Session default channel group"],
     ["Etkileşimli oturumlar", "Etkileşim oranı", "Oturum başına ortalama etkileşim süresi",
      "Oturum başına etkinlik", "Etkinlik sayısı", "Oturum temel etkinlik oranı", "Kullanıcılar",
      "Toplam kullanıcı", "Oturum kaynağı / aracı", "Oturum varsayılan kanal grubu"]),
], markers=["Session campaign", "Session manual campaign name", "utm_campaign", "Oturum kampanyası",
            "Oturum manuel kampanya adı"], required=["campaign", "sessions"])

BUILTIN: tuple[Preset, ...] = (META_IG, META_FB, X_POSTS, LINKEDIN_POSTS, TIKTOK_POSTS, LINKEDIN_FOLLOWERS,
                               META_IG_FOLLOWERS, META_FB_FOLLOWERS, X_FOLLOWERS, TIKTOK_FOLLOWERS,
                               LINKEDIN_AUDIENCE, TIKTOK_AUDIENCE, GA4)


def identify(headers: Sequence[str], presets: Sequence[Preset]) -> Preset | None:
    """The preset that fits the normalised ``headers`` best, or None."""
    present = set(headers)
    best: tuple[int, Preset] | None = None
    for p in presets:
        if not (p.markers & present):
            continue
        fields = {p.columns[h] for h in headers if h in p.columns}
        if any(r not in fields for r in p.required):
            continue
        score = len(p.recognised(headers))
        if best is None or score > best[0]:
            best = (score, p)
    return best[1] if best else None


def is_turkish(headers: Sequence[str], preset: Preset) -> bool:
    """The header is in Turkish (more Turkish than English names)."""
    turk = sum(1 for h in headers if h in preset.turkish)
    return turk * 2 > len(preset.recognised(headers))
