package application

import (
	"fmt"

	"github.com/kezek/kezek/registry"
)

// Message is a text for people in the three languages of the service.
type Message struct {
	// Kazakh is the text in Kazakh, the state language.
	Kazakh string
	// Russian is the text in Russian.
	Russian string
	// English is the text in English.
	English string
}

// In returns the message in the language l: Kazakh for [registry.Kazakh],
// Russian for [registry.Russian], and English otherwise.
func (m Message) In(l registry.Language) string {
	switch l {
	case registry.Kazakh:
		return m.Kazakh
	case registry.Russian:
		return m.Russian
	}
	return m.English
}

// messages holds the text of every validation problem. A text may take
// arguments, given to fmt.Sprintf in all three languages alike.
var messages = map[Code]Message{
	ProblemRequired: {
		"Міндетті өріс толтырылмаған.",
		"Обязательное поле не заполнено.",
		"This field is required.",
	},
	ProblemIINFormat: {
		"ЖСН 12 цифрдан тұруы керек.",
		"ИИН должен состоять из 12 цифр.",
		"The IIN must be 12 digits.",
	},
	ProblemIINDate: {
		"ЖСН-дегі туған күні дұрыс емес.",
		"Дата рождения в ИИН указана неверно.",
		"The birth date in the IIN is not a real date.",
	},
	ProblemIINCentury: {
		"ЖСН-нің жетінші цифры 1-ден 6-ға дейін болуы керек.",
		"Седьмая цифра ИИН должна быть от 1 до 6.",
		"The seventh digit of the IIN must be 1 to 6.",
	},
	ProblemIINChecksum: {
		"ЖСН-нің бақылау цифры сәйкес келмейді.",
		"Контрольная цифра ИИН не совпадает.",
		"The check digit of the IIN does not match.",
	},
	ProblemNameInvalid: {
		"Аты-жөнінде тек әріптер, бос орын, дефис және апостроф болуы мүмкін.",
		"ФИО может содержать только буквы, пробелы, дефис и апостроф.",
		"A name may contain only letters, spaces, hyphens and apostrophes.",
	},
	ProblemPhoneInvalid: {
		"Телефон нөмірі +7 форматындағы Қазақстан нөмірі болуы керек.",
		"Номер телефона должен быть казахстанским номером в формате +7.",
		"The phone number must be a Kazakhstan number in +7 format.",
	},
	ProblemEmailInvalid: {
		"Электрондық пошта мекенжайы дұрыс емес.",
		"Адрес электронной почты указан неверно.",
		"The e-mail address is not valid.",
	},
	ProblemChannelUnknown: {
		"Өтініш беру арнасы белгісіз.",
		"Неизвестный канал подачи заявления.",
		"The application channel is unknown.",
	},
	ProblemSexUnknown: {
		"Баланың жынысы көрсетілмеген.",
		"Не указан пол ребёнка.",
		"The child's sex is not given.",
	},
	ProblemProvenanceUnknown: {
		"Деректердің көзі белгісіз.",
		"Неизвестен источник данных.",
		"The source of the data is unknown.",
	},
	ProblemEnteredByMissing: {
		"Қолмен енгізілген деректерді кім енгізгені көрсетілуі керек.",
		"Для данных, введённых вручную, должно быть указано, кто их ввёл.",
		"Data typed by hand must record who typed it.",
	},
	ProblemBornInFuture: {
		"Туған күні өтініш берілген күннен кейін болуы мүмкін емес.",
		"Дата рождения не может быть позже даты подачи заявления.",
		"The birth date cannot be after the day of application.",
	},
	ProblemTooOld: {
		"Өтініш берілген күні бала %d жасқа толмаған болуы керек.",
		"Возраст ребёнка на дату подачи заявления должен быть меньше предельного (полных лет): %d.",
		"The child must be under %d on the day of application.",
	},
	ProblemIINBirthDateMismatch: {
		"Баланың ЖСН-і туған күніне сәйкес келмейді.",
		"ИИН ребёнка не соответствует дате рождения.",
		"The child's IIN does not match the birth date.",
	},
	ProblemIINSexMismatch: {
		"Баланың ЖСН-і жынысына сәйкес келмейді.",
		"ИИН ребёнка не соответствует полу.",
		"The child's IIN does not match the sex.",
	},
	ProblemApplicantIsChild: {
		"Өтініш беруші мен баланың ЖСН-дері бірдей.",
		"ИИН заявителя совпадает с ИИН ребёнка.",
		"The applicant and the child have the same IIN.",
	},
	ProblemMissingBirthCertificate: {
		"Баланың туу туралы куәлігі қоса берілмеген.",
		"Не приложено свидетельство о рождении ребёнка.",
		"The child's birth certificate is not attached.",
	},
	ProblemMissingPMPCConclusion: {
		"Түзету тобы үшін ПМПК қорытындысы қажет.",
		"Для коррекционной группы требуется заключение ПМПК.",
		"A correctional group requires a PMPC conclusion.",
	},
	ProblemMissingMedicalConclusion: {
		"Санаторлық топ үшін медициналық қорытынды қажет.",
		"Для санаторной группы требуется медицинское заключение.",
		"A sanatorium group requires a medical conclusion.",
	},
	ProblemDocumentKindUnknown: {
		"Құжат түрі белгісіз.",
		"Неизвестный вид документа.",
		"The kind of document is unknown.",
	},
	ProblemDocumentExpired: {
		"Өтініш берілген күні құжаттың мерзімі өтіп кеткен.",
		"На дату подачи заявления срок действия документа истёк.",
		"The document had expired on the day of application.",
	},
	ProblemDocumentIssuedInFuture: {
		"Құжаттың берілген күні өтініш берілген күннен кейін.",
		"Дата выдачи документа позже даты подачи заявления.",
		"The document's issue date is after the day of application.",
	},
	ProblemGroupTypeUnknown: {
		"Топ түрі белгісіз.",
		"Неизвестный тип группы.",
		"The group type is unknown.",
	},
	ProblemLanguageUnknown: {
		"Оқыту тілі белгісіз.",
		"Неизвестный язык обучения.",
		"The language of instruction is unknown.",
	},
	ProblemTooManyPreferences: {
		"Мектепке дейінгі ұйымдар тым көп таңдалған; ең көбі: %d.",
		"Выбрано слишком много дошкольных организаций; не более: %d.",
		"Too many preschool organisations are chosen; the most allowed: %d.",
	},
	ProblemDuplicatePreference: {
		"Бұл мектепке дейінгі ұйым бір рет қана таңдалады.",
		"Эта дошкольная организация уже выбрана.",
		"This preschool organisation is already chosen.",
	},
	ProblemAdmissionDatePast: {
		"Қалаған қабылдау күні өтіп кеткен.",
		"Желаемая дата зачисления уже прошла.",
		"The desired admission date is in the past.",
	},
	ProblemCategoryUnknown: {
		"Бұл жеңілдік санаты қабылданбайды.",
		"Эта категория льготы не принимается.",
		"This priority category is not accepted.",
	},
	ProblemDuplicateClaim: {
		"Бұл жеңілдік бір рет қана көрсетіледі.",
		"Эта льгота уже указана.",
		"This priority right is already claimed.",
	},
	ProblemEvidenceMissing: {
		"Жеңілдікті растайтын құжат қоса берілмеген.",
		"Не приложен документ, подтверждающий льготу.",
		"No document proving the priority right is attached.",
	},
	ProblemEvidenceExpired: {
		"Жеңілдікті растайтын құжаттың мерзімі өтіп кеткен.",
		"Срок действия документа, подтверждающего льготу, истёк.",
		"The document proving the priority right has expired.",
	},
}

// messageFor returns the text of the problem code with its arguments
// filled in. A code without a text gets the code itself in every language,
// so a problem is never shown blank.
func messageFor(code Code, args ...any) Message {
	m, ok := messages[code]
	if !ok {
		s := string(code)
		return Message{s, s, s}
	}
	if len(args) == 0 {
		return m
	}
	return Message{
		Kazakh:  fmt.Sprintf(m.Kazakh, args...),
		Russian: fmt.Sprintf(m.Russian, args...),
		English: fmt.Sprintf(m.English, args...),
	}
}
