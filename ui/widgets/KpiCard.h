#pragma once

// One key figure on the dashboard: a title, the value, the change against
// the previous period with an arrow, and optionally the benchmark band.

#include <QFrame>

#include <optional>

class QLabel;

namespace escdesk::ui {

class KpiCard : public QFrame {
    Q_OBJECT
public:
    // How a change reads: whether up is good news, bad news or neither.
    enum class Trend { Neutral, UpIsBad, UpIsGood };
    enum class Tone { Neutral, Good, Watch, Bad };

    explicit KpiCard(const QString& title, QWidget* parent = nullptr);

    // A smaller card for a row of six: smaller value font and margins.
    void setCompact(bool compact);

    void setValue(const QString& value);
    // `difference` is the signed change (its sign picks the arrow), `text`
    // how it reads, `previous` the previous period's value.
    void setChange(double difference, const QString& text, const QString& previous, Trend trend);
    void clearChange(const QString& previous);
    // Colours the card and names the band; Tone::Neutral with empty text
    // hides the band.
    void setBand(Tone tone, const QString& text, const QString& toolTip = {});

    // A clickable card shows a hand cursor and emits clicked().
    void setClickable(bool clickable);

    QString titleText() const { return m_titleText; }
    QString valueText() const;
    QString changeText() const;
    QString bandText() const;

signals:
    void clicked();

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    bool m_clickable = false;
    bool m_compact = false;
    bool m_restyling = false;
    Tone m_tone = Tone::Neutral;
    std::optional<Tone> m_changeTone; // empty: "No comparison"
    QString m_titleText;
    QLabel* m_title;
    QLabel* m_value;
    QLabel* m_change;
    QLabel* m_previous;
    QLabel* m_band;
};

} // namespace escdesk::ui
