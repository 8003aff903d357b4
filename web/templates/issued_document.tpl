{{%AUTOESCAPE context="HTML"}}
<article class="doc issued" lang="{{LANG}}" id="issued-document">
<header><p class="org">{{ORG}}</p><p class="symbol"><bdi class="sym">{{SYMBOL}}</bdi></p><p>{{DATE}}</p><p>{{ORIGIN}}</p>
<h1>{{TITLE_HTML:none}}</h1>
<p class="note noprint" id="issued-note">{{NOTE_HTML:none}}{{#LIVE}} <a href="{{LIVE_URL}}">{{t_doc_live_draft}}</a>{{/LIVE}}</p>
<p class="noprint downloads">{{t_doc_download}}{{t_punct_colon}}<a href="/api/v1/documents/{{DOC_ID}}/issued.docx?lang={{DL_LANG}}" download>DOCX</a> · <a href="/api/v1/documents/{{DOC_ID}}/issued.pdf?lang={{DL_LANG}}" download>PDF</a> · <a href="/api/v1/documents/{{DOC_ID}}/issued.akn.xml?lang={{DL_LANG}}" download>Akoma Ntoso (XML)</a></p></header>
{{#BLOCKS}}{{#HEADING}}<h2><span class="snum">{{NUMBER}}</span><span lang="{{TLANG}}" dir="auto">{{TEXT_HTML:none}}</span></h2>{{#FOOTNOTES}}<p class="note">{{TEXT}}</p>{{/FOOTNOTES}}{{/HEADING}}
{{#PARA}}<div class="para level-{{LEVEL}}"><span class="pnum">{{NUMBER}}</span><div><p lang="{{TLANG}}" dir="auto">{{TEXT_HTML:none}}</p>{{#FOOTNOTES}}<p class="note">{{TEXT}}</p>{{/FOOTNOTES}}</div></div>{{/PARA}}
{{#ITEM}}<p class="item level-{{LEVEL}}" lang="{{TLANG}}" dir="auto">{{TEXT_HTML:none}}</p>{{/ITEM}}
{{#NOTE_BLOCK}}<p class="lead" lang="{{TLANG}}" dir="auto">{{TEXT_HTML:none}}</p>{{/NOTE_BLOCK}}{{/BLOCKS}}
{{#SIGNED}}<table class="signatures"><tbody><tr>{{#SIG}}<td>{{ROLE}}<br><span dir="auto">{{NAME}}</span>{{#HAS_DETAIL}}<br>{{DETAIL}}{{/HAS_DETAIL}}</td>{{/SIG}}</tr></tbody></table>{{/SIGNED}}
</article>
